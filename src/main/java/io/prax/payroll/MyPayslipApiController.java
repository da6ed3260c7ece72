package io.prax.payroll;

import java.util.UUID;

import io.prax.access.AccessPolicy;
import io.prax.platform.Page;
import io.prax.platform.ProblemException;
import io.prax.platform.SignedInOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "My payslips", description = "An employee's own finalized payslips, with no grant needed")
@RestController
@RequestMapping("/api/v1/me/payslips")
class MyPayslipApiController {

	private final PayslipManagement payslips;

	private final PayslipPdf pdf;

	private final AccessPolicy policy;

	MyPayslipApiController(PayslipManagement payslips, PayslipPdf pdf, AccessPolicy policy) {
		this.payslips = payslips;
		this.pdf = pdf;
		this.policy = policy;
	}

	@Operation(summary = "List my finalized payslips, newest period first")
	@GetMapping
	@SignedInOnly("one's own payslips, through the employee record linked to the signed-in user")
	Page<PayslipView> list() {
		gate();
		return new Page<>(payslips.mine(), null);
	}

	@Operation(summary = "Get one of my finalized payslips")
	@GetMapping("/{id}")
	@SignedInOnly("one's own payslip; anyone else's answers 404")
	PayslipView get(@PathVariable UUID id) {
		gate();
		return payslips.mine(new PayslipId(id));
	}

	@Operation(summary = "Download one of my finalized payslips as PDF")
	@GetMapping("/{id}/pdf")
	@SignedInOnly("one's own payslip; anyone else's answers 404")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		gate();
		return pdf.answer(payslips.mine(new PayslipId(id)));
	}

	/** Self-service follows the payslips module's gate like every payslip page. */
	private void gate() {
		if (!policy.moduleEnabled("payslips")) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "feature_disabled",
					"This feature is switched off for your workspace or role");
		}
	}

}
