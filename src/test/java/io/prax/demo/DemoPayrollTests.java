package io.prax.demo;

import io.prax.payroll.PayrollRunManagement;
import io.prax.payroll.PayrollRunStatus;
import io.prax.payroll.PayrollRunView;
import io.prax.support.PraxIntegrationTest;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --demo} fills payroll through its services: two finalized monthly runs and a
 * draft run.
 */
@PraxIntegrationTest
@TestPropertySource(properties = "prax.demo=true")
class DemoPayrollTests {

	@Autowired
	TenantDirectory tenants;

	@Autowired
	PayrollRunManagement runs;

	@Test
	void demoHasTwoFinalizedRunsAndADraft() {
		var acme = tenants.findBySlug(DemoData.TENANT).orElseThrow();
		var list = TenantContext.call(acme.id(), () -> runs.list(10));
		assertThat(list).extracting(PayrollRunView::status)
			.containsExactly(PayrollRunStatus.DRAFT, PayrollRunStatus.FINALIZED, PayrollRunStatus.FINALIZED);
		assertThat(list).allSatisfy(run -> assertThat(run.employeeCount()).isEqualTo(4));
	}

}
