package io.prax.bench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.prax.customer.Address;
import io.prax.customer.CustomerInput;
import io.prax.customer.CustomerView;
import io.prax.platform.Ids;
import io.prax.tenancy.TenantId;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The baselines: the same customer row read, and the same row inserted, with plain SQL in
 * one tenant-scoped transaction; no authentication, no permission check, no audit.
 */
@Component
@Profile(BenchmarkProfile.NAME)
class BaselineCustomers {

	private static final String COLUMNS = "id, name, email, phone, tax_id, billing_line1, billing_line2, "
			+ "billing_postal_code, billing_city, billing_region, billing_country, version, created_at, created_by, "
			+ "updated_at, updated_by";

	private final TenantWork work;

	private final Clock clock;

	BaselineCustomers(TenantWork work, Clock clock) {
		this.work = work;
		this.clock = clock;
	}

	Optional<CustomerView> read(TenantId tenant, UUID id) {
		List<CustomerView> rows = work.in(tenant,
				jdbc -> jdbc.query("select " + COLUMNS + " from customer where id = ? and deleted_at is null",
						(rs, i) -> view(rs), id));
		return rows.stream().findFirst();
	}

	CustomerView insert(TenantId tenant, CustomerInput input) {
		UUID id = Ids.newId();
		// Stamped at PostgreSQL's precision, as the entity's own timestamps.
		Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
		Address address = input.billingAddress() == null ? new Address(null, null, null, null, null, null)
				: input.billingAddress();
		work.in(tenant, jdbc -> jdbc.update("insert into customer (tenant_id, id, name, email, phone, tax_id, "
				+ "billing_line1, billing_line2, billing_postal_code, billing_city, billing_region, billing_country, "
				+ "version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
				tenant.value(), id, input.name(), input.email(), input.phone(), input.taxId(), address.line1(),
				address.line2(), address.postalCode(), address.city(), address.region(), address.country(),
				Timestamp.from(now), Timestamp.from(now)));
		return new CustomerView(id, io.prax.platform.Validation.checked(input.name()), input.email(), input.phone(),
				input.taxId(), address, 0, now, null, now, null);
	}

	private static CustomerView view(ResultSet rs) throws SQLException {
		return new CustomerView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email"),
				rs.getString("phone"), rs.getString("tax_id"),
				new Address(rs.getString("billing_line1"), rs.getString("billing_line2"),
						rs.getString("billing_postal_code"), rs.getString("billing_city"),
						rs.getString("billing_region"), rs.getString("billing_country")),
				rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getObject("created_by", UUID.class), rs.getTimestamp("updated_at").toInstant(),
				rs.getObject("updated_by", UUID.class));
	}

}
