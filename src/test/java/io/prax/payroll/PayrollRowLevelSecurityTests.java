package io.prax.payroll;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.prax.identity.Onboarding;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.TenantContext;
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
 * F7 for payroll in PostgreSQL itself, as {@code RowLevelSecurityTests} does for
 * customers: native SQL from the application's role in tenant A's transaction neither
 * sees nor writes tenant B's employees (with their salary structure, stored on the
 * employee row), payroll runs and payslips.
 */
@PraxIntegrationTest
class PayrollRowLevelSecurityTests {

	static final List<String> TABLES = List.of("employee", "payroll_run", "payslip");

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Onboarding onboarding;

	JdbcTemplate jdbc;

	TestTenant a;

	TestTenant b;

	Map<String, UUID> ofA;

	Map<String, UUID> ofB;

	@BeforeEach
	void twoTenantsWithPayroll() {
		jdbc = new JdbcTemplate(dataSource);
		a = Tenants.newTenant(onboarding);
		b = Tenants.newTenant(onboarding);
		ofA = payroll(a, "A");
		ofB = payroll(b, "B");
	}

	@Test
	void nativeSelectSeesOnlyTheTransactionsTenant() {
		for (String table : TABLES) {
			assertThat(inTenant(a, () -> jdbc.queryForList("select tenant_id from " + table, UUID.class))).as(table)
				.isNotEmpty()
				.containsOnly(a.id().value());
			assertThat(inTenant(a, () -> jdbc.queryForObject("select count(*) from " + table + " where id = ?",
					Integer.class, ofB.get(table))))
				.as(table)
				.isZero();
		}
		assertThat(inTenant(a, () -> jdbc.queryForList("select salary_components from employee", String.class)))
			.containsExactly("[{\"name\":\"Base of A\",\"kind\":\"EARNING\",\"amount\":1000,\"rate\":null}]");
	}

	@Test
	void seesNothingWithoutATenant() {
		for (String table : TABLES) {
			Integer rows = transactions
				.execute(status -> jdbc.queryForObject("select count(*) from " + table, Integer.class));
			assertThat(rows).as(table).isZero();
		}
	}

	@Test
	void refusesInsertingARowIntoAnotherTenant() {
		UUID tenantB = b.id().value();
		assertThatThrownBy(() -> inTenant(a, () -> insertEmployee(tenantB, "Planted"))).as("employee")
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("row-level security");
		assertThatThrownBy(() -> inTenant(a, () -> insertRun(tenantB))).as("payroll_run")
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("row-level security");
		assertThatThrownBy(() -> inTenant(a, () -> insertPayslip(tenantB, ofB.get("employee"), ofB.get("payroll_run"))))
			.as("payslip")
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("row-level security");
	}

	@Test
	void updatesCannotReachOrMoveRowsAcrossTenants() {
		int employee = inTenant(a, () -> jdbc.update(
				"update employee set name = 'Changed', bank_account = 'X', salary_components = '[]' where id = ?",
				ofB.get("employee")));
		int run = inTenant(a,
				() -> jdbc.update("update payroll_run set status = 'FINALIZED' where id = ?", ofB.get("payroll_run")));
		int payslip = inTenant(a, () -> jdbc.update("update payslip set net_pay = 0 where id = ?", ofB.get("payslip")));
		assertThat(List.of(employee, run, payslip)).containsOnly(0);
		assertThat(inTenant(b,
				() -> jdbc.queryForObject("select name from employee where id = ?", String.class, ofB.get("employee"))))
			.isEqualTo("Employee of B");
		assertThat(inTenant(b, () -> jdbc.queryForObject("select salary_components from employee where id = ?",
				String.class, ofB.get("employee"))))
			.contains("Base of B");
		assertThat(inTenant(b, () -> jdbc.queryForObject("select net_pay from payslip where id = ?",
				java.math.BigDecimal.class, ofB.get("payslip"))))
			.isEqualByComparingTo("1000");

		for (String table : TABLES) {
			assertThatThrownBy(() -> inTenant(a,
					() -> jdbc.update("update " + table + " set tenant_id = ? where id = ?", b.id().value(),
							ofA.get(table))))
				.as(table)
				.isInstanceOf(DataAccessException.class)
				.rootCause()
				.hasMessageContaining("row-level security");
		}
	}

	@Test
	void applicationRoleCannotDeletePayrollRecords() {
		for (String table : TABLES) {
			assertThatThrownBy(
					() -> inTenant(b, () -> jdbc.update("delete from " + table + " where id = ?", ofB.get(table))))
				.as(table)
				.isInstanceOf(DataAccessException.class)
				.rootCause()
				.hasMessageContaining("permission denied");
		}
		for (String table : TABLES) {
			assertThat(inTenant(b, () -> jdbc.queryForObject("select count(*) from " + table, Integer.class))).as(table)
				.isOne();
		}
	}

	@Test
	void foreignKeysRefuseAPayslipOfAnotherTenantsEmployeeOrRun() {
		UUID tenantA = a.id().value();
		assertThatThrownBy(() -> inTenant(a, () -> insertPayslip(tenantA, ofB.get("employee"), null)))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("foreign key");
		assertThatThrownBy(() -> inTenant(a,
				() -> insertPayslip(tenantA, insertEmployee(tenantA, "Second of A"), ofB.get("payroll_run"))))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("foreign key");
	}

	private <T> T inTenant(TestTenant tenant, java.util.function.Supplier<T> work) {
		return TenantContext.call(tenant.id(), () -> transactions.execute(status -> work.get()));
	}

	private Map<String, UUID> payroll(TestTenant tenant, String label) {
		UUID t = tenant.id().value();
		return inTenant(tenant, () -> {
			UUID employee = insertEmployee(t, "Employee of " + label);
			UUID run = insertRun(t);
			UUID payslip = insertPayslip(t, employee, run);
			return Map.of("employee", employee, "payroll_run", run, "payslip", payslip);
		});
	}

	private UUID insertEmployee(UUID tenant, String name) {
		UUID id = UUID.randomUUID();
		String label = name.substring(name.length() - 1);
		jdbc.update("insert into employee (tenant_id, id, employee_code, name, hire_date, status, bank_account, "
				+ "salary_currency, salary_components, version, created_at, updated_at) "
				+ "values (?, ?, ?, ?, date '2020-01-01', 'ACTIVE', 'DE89370400440532013000', 'EUR', ?, 0, now(), now())",
				tenant, id, "RLS-" + id, name,
				"[{\"name\":\"Base of " + label + "\",\"kind\":\"EARNING\",\"amount\":1000,\"rate\":null}]");
		return id;
	}

	private UUID insertRun(UUID tenant) {
		UUID id = UUID.randomUUID();
		jdbc.update(
				"insert into payroll_run (tenant_id, id, period_start, period_end, status, version, created_at, "
						+ "updated_at) values (?, ?, date '2026-01-01', date '2026-01-31', 'DRAFT', 0, now(), now())",
				tenant, id);
		return id;
	}

	private UUID insertPayslip(UUID tenant, UUID employee, @org.jspecify.annotations.Nullable UUID run) {
		UUID id = UUID.randomUUID();
		jdbc.update(
				"insert into payslip (tenant_id, id, employee_id, run_id, period_start, period_end, status, currency, "
						+ "lines, gross_pay, total_deductions, net_pay, version, created_at, updated_at) values (?, ?, ?, ?, "
						+ "date '2026-01-01', date '2026-01-31', 'DRAFT', 'EUR', '[]', 1000, 0, 1000, 0, now(), now())",
				tenant, id, employee, run);
		return id;
	}

}
