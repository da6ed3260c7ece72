package io.prax.tenancy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.prax.identity.Onboarding;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.TestDataDirectory;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * F7 in PostgreSQL itself: even native SQL from the application's role sees only the
 * tenant of the transaction, cannot switch the protection off, and cannot point a row at
 * another tenant's row.
 */
@PraxIntegrationTest
class RowLevelSecurityTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	DatabaseEndpoints endpoints;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Onboarding onboarding;

	JdbcTemplate jdbc;

	TestTenant a;

	TestTenant b;

	UUID customerOfB;

	@BeforeEach
	void twoTenantsWithCustomers() {
		jdbc = new JdbcTemplate(dataSource);
		a = Tenants.newTenant(onboarding);
		b = Tenants.newTenant(onboarding);
		insertCustomer(a, "Customer of A");
		customerOfB = insertCustomer(b, "Customer of B");
	}

	@Test
	void nativeSelectSeesOnlyTheTransactionsTenant() {
		List<UUID> tenants = visibleTenantIds(jdbc, a);

		assertThat(tenants).isNotEmpty().containsOnly(a.id().value());
	}

	@Test
	void seesNothingWithoutATenant() {
		Integer rows = transactions
			.execute(status -> jdbc.queryForObject("select count(*) from customer", Integer.class));

		assertThat(rows).isZero();
	}

	@Test
	void applicationRoleCannotDisableRowLevelSecurity() {
		assertThatThrownBy(() -> jdbc.execute("alter table customer disable row level security"))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("must be owner");
		assertThatThrownBy(() -> jdbc.execute("drop policy tenant_isolation on customer"))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("must be owner");
	}

	@Test
	void applicationRoleCannotHardDeleteBusinessRecords() {
		assertThatThrownBy(() -> TenantContext.run(b.id(),
				() -> transactions.executeWithoutResult(status -> jdbc.update("delete from customer"))))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied");
	}

	@Test
	void foreignKeyRefusesAReferenceToAnotherTenantsRow() {
		assertThatThrownBy(() -> TenantContext.run(a.id(),
				() -> transactions.executeWithoutResult(status -> jdbc.update(
						"insert into contact (tenant_id, id, customer_id, name, version, created_at, updated_at) "
								+ "values (?, ?, ?, 'Mole', 0, now(), now())",
						a.id().value(), UUID.randomUUID(), customerOfB))))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("foreign key");
	}

	@Test
	void refusesWritingARowIntoAnotherTenant() {
		assertThatThrownBy(
				() -> TenantContext.run(a.id(),
						() -> transactions.executeWithoutResult(status -> jdbc.update(
								"insert into customer (tenant_id, id, name, version, created_at, updated_at) "
										+ "values (?, ?, 'Planted', 0, now(), now())",
								b.id().value(), UUID.randomUUID()))))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("row-level security");
	}

	/**
	 * Proves the isolation check above would catch a missing protection: with row-level
	 * security switched off (by the superuser, in a transaction that is rolled back) the
	 * same query as the application role sees tenant B's rows from tenant A's
	 * transaction.
	 */
	@Test
	void isolationCheckDetectsTheProtectionBeingRemoved() throws SQLException {
		String password = EmbeddedPostgresServer.superuserPassword(TestDataDirectory.path().resolve("keys"));
		try (Connection c = DriverManager.getConnection(endpoints.url(), "postgres", password);
				Statement s = c.createStatement()) {
			c.setAutoCommit(false);
			s.execute("alter table customer disable row level security");
			s.execute("set local role " + endpoints.appUser());
			s.execute("select set_config('prax.tenant_id', '" + a.id() + "', true)");
			var rs = s.executeQuery("select count(*) from customer where tenant_id = '" + b.id() + "'");
			rs.next();
			int leaked = rs.getInt(1);
			c.rollback();
			assertThat(leaked).as("rows of B visible to A once RLS is off").isPositive();
		}
		assertThat(visibleTenantIds(jdbc, a)).containsOnly(a.id().value());
	}

	private List<UUID> visibleTenantIds(JdbcTemplate jdbc, TestTenant tenant) {
		return TenantContext.call(tenant.id(),
				() -> transactions.execute(status -> jdbc.queryForList("select tenant_id from customer", UUID.class)));
	}

	private UUID insertCustomer(TestTenant tenant, String name) {
		UUID id = UUID.randomUUID();
		TenantContext.run(tenant.id(), () -> transactions.executeWithoutResult(status -> jdbc.update(
				"insert into customer (tenant_id, id, name, version, created_at, updated_at) values (?, ?, ?, 0, now(), now())",
				tenant.id().value(), id, name)));
		return id;
	}

}
