package io.prax.bench;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import io.prax.identity.Onboarding;
import io.prax.platform.Ids;
import io.prax.tenancy.TenantDirectory;
import io.prax.tenancy.TenantId;
import io.prax.tenancy.TenantInfo;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tenants a benchmark runs in: a real workspace made by onboarding (administrator
 * with a real Argon2id hash), then many ordinary users sharing that hash, so each one
 * signs in with the same password but through its own account; and filler tenants with
 * nobody in them.
 */
@Component
@Profile(BenchmarkProfile.NAME)
class BulkTenants {

	private final Onboarding onboarding;

	private final TenantDirectory tenants;

	private final TenantWork work;

	private final JdbcTemplate platform;

	private final Clock clock;

	BulkTenants(Onboarding onboarding, TenantDirectory tenants, TenantWork work, DataSource dataSource, Clock clock) {
		this.onboarding = onboarding;
		this.tenants = tenants;
		this.work = work;
		this.platform = new JdbcTemplate(dataSource);
		this.clock = clock;
	}

	record Prepared(UUID tenantId, UUID adminId, long users) {
	}

	/**
	 * The workspace {@code slug} with its administrator and {@code users} operators
	 * {@code user<n>@<slug>.example}.
	 */
	Prepared workspace(String slug, String adminEmail, String password, int users) {
		TenantInfo tenant = tenants.findBySlug(slug)
			.orElseGet(() -> onboarding
				.onboard(new Onboarding.NewTenant(slug, slug, "US", adminEmail, "Bench Admin", password))
				.tenant());
		TenantId id = tenant.id();
		UUID admin = work.in(id,
				jdbc -> jdbc.queryForObject("select id from app_user where email = ?", UUID.class, adminEmail));
		long base = clock.millis();
		work.in(id, jdbc -> jdbc.update("insert into app_user (tenant_id, id, email, name, tier, roles, status, "
				+ "password_hash, password_changed_at, version, created_at, updated_at) select ?, "
				+ SqlIds.uuid7("?::bigint + g", "'user' || g") + ", 'user' || g || '@' || ? || '.example', "
				+ "'Bench User ' || g, 'EMPLOYEE', '{OPERATOR}', 'ACTIVE', a.password_hash, now(), 0, now(), now() "
				+ "from generate_series(1, ?) g, (select password_hash from app_user where id = ?) a "
				+ "on conflict (tenant_id, email) do nothing", id.value(), base, slug, users, admin));
		long count = work.in(id,
				jdbc -> jdbc.queryForObject("select count(*) from app_user where tier = 'EMPLOYEE'", Long.class));
		return new Prepared(id.value(), admin, count);
	}

	/**
	 * {@code count} tenants {@code filler-<n>} with {@code customersEach} customers each.
	 */
	long fillers(int count, long customersEach, BulkCustomers customers) {
		long made = 0;
		for (int i = 1; i <= count; i++) {
			String slug = "filler-%04d".formatted(i);
			if (tenants.findBySlug(slug).isPresent()) {
				continue;
			}
			TenantId id = new TenantId(Ids.newId());
			platform.update("insert into tenant (id, slug, name, created_at) values (?, ?, ?, ?)", id.value(), slug,
					slug, Timestamp.from(clock.instant()));
			customers.add(id, customersEach);
			made++;
		}
		return made;
	}

}
