package io.prax.tenancy;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.prax.identity.Onboarding;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists at scale (issue 11): under row-level security a keyset page of customers or
 * employees by name starts at its cursor in the tenant-leading index, which also gives
 * the order (no sort), so a deep page costs what the first one does. A query condition
 * that is not leakproof (such as {@code lower(name) > ?}) could only filter the rows read
 * from the tenant's first one. The statements are those the lists send (Hibernate names
 * the table {@code c1_0} or {@code e1_0}). Plans, not timings: sequential scans and sorts
 * are priced out so that the few rows here do not decide the plan.
 */
@PraxIntegrationTest
class KeysetIndexTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Onboarding onboarding;

	JdbcTemplate jdbc;

	TestTenant tenant;

	@BeforeEach
	void tenant() {
		jdbc = new JdbcTemplate(dataSource);
		tenant = Tenants.newTenant(onboarding);
	}

	@Test
	void aCustomerPageByNameStartsAtTheCursorInTheIndex() {
		String plan = plan("select c1_0.id, c1_0.name from customer c1_0 where c1_0.tenant_id = ? "
				+ "and (c1_0.deleted_at is null) and 1=1 and (c1_0.name_key, c1_0.id) > (?, ?) "
				+ "order by c1_0.name_key, c1_0.id fetch first ? rows only");

		assertThat(plan).contains("Index Scan using customer_name_key_idx")
			.containsPattern("Index Cond: .*ROW\\(name_key, id\\) >")
			.doesNotContain("Sort");
	}

	@Test
	void aCustomerSearchPageStartsAtTheCursorToo() {
		String plan = plan("select c1_0.id, c1_0.name from customer c1_0 where c1_0.tenant_id = ? "
				+ "and (c1_0.deleted_at is null) and 1=1 and (c1_0.name_key like '%harbor%' escape '' "
				+ "or lower(coalesce(c1_0.email, '')) like '%harbor%' escape '') and (c1_0.name_key, c1_0.id) > (?, ?) "
				+ "order by c1_0.name_key, c1_0.id fetch first ? rows only");

		assertThat(plan).contains("Index Scan using customer_name_key_idx")
			.containsPattern("Index Cond: .*ROW\\(name_key, id\\) >")
			.doesNotContain("Sort");
	}

	@Test
	void aCustomerPageByLastChangeStartsAtTheCursor() {
		String plan = plan("select c1_0.id, c1_0.name from customer c1_0 where c1_0.tenant_id = ? "
				+ "and (c1_0.deleted_at is null) and 1=1 and (c1_0.updated_at, c1_0.id) < (now(), ?) "
				+ "order by c1_0.updated_at desc, c1_0.id desc fetch first ? rows only", false);

		assertThat(plan).contains("Index Scan Backward using customer_updated_idx")
			.containsPattern("Index Cond: .*ROW\\(updated_at, id\\) <")
			.doesNotContain("Sort");
	}

	@Test
	void anEmployeePageByNameStartsAtTheCursorInTheIndex() {
		String plan = plan("select e1_0.id, e1_0.name from employee e1_0 where e1_0.tenant_id = ? "
				+ "and (e1_0.deleted_at is null) and 1 = 1 and (e1_0.name_key, e1_0.id) > (?, ?) "
				+ "order by e1_0.name_key, e1_0.id fetch first ? rows only");

		assertThat(plan).contains("Index Scan using employee_name_key_idx")
			.containsPattern("Index Cond: .*ROW\\(name_key, id\\) >")
			.doesNotContain("Sort");
	}

	private String plan(String sql) {
		return plan(sql, true);
	}

	/** The plan as the application role inside the tenant (row-level security on). */
	private String plan(String sql, boolean withKey) {
		UUID tenantId = tenant.id().value();
		Object[] args = withKey ? new Object[] { tenantId, "m", UUID.randomUUID(), 51 }
				: new Object[] { tenantId, UUID.randomUUID(), 51 };
		List<String> lines = TenantContext.call(tenant.id(), () -> transactions.execute(status -> {
			jdbc.execute("set local enable_seqscan = off");
			jdbc.execute("set local enable_sort = off");
			jdbc.execute("set local enable_bitmapscan = off");
			return jdbc.queryForList("explain " + sql, String.class, args);
		}));
		return String.join("\n", lines);
	}

}
