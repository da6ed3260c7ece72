package io.prax.payroll;

import io.prax.approval.ApprovalGate;
import io.prax.platform.PdfRendering;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Renders a payslip as PDF from {@code payroll/pdf}, in the family and font of the
 * invoices.
 */
@Component
class PayslipPdf {

	private final ITemplateEngine templates;

	private final PayslipManagement payslips;

	private final ApprovalGate approvals;

	PayslipPdf(ITemplateEngine templates, PayslipManagement payslips, ApprovalGate approvals) {
		this.templates = templates;
		this.payslips = payslips;
		this.approvals = approvals;
	}

	byte[] render(PayslipView payslip) {
		Context context = new Context();
		context.setVariable("p", payslip);
		context.setVariable("ytd", payslip.status() == PayslipStatus.FINALIZED ? payslips.yearToDate(payslip) : null);
		// 21 CFR 11.50: the signatures of the run's approval, when the run was signed
		context.setVariable("signatures", payslip.runId() == null ? java.util.List.of()
				: approvals.signatures(PayrollRunApprovals.RECORD_TYPE, payslip.runId()));
		String xhtml = templates.process(new TemplateSpec("payroll/pdf", TemplateMode.XML), context);
		return PdfRendering.render(xhtml, "payslip");
	}

	ResponseEntity<byte[]> answer(PayslipView payslip) {
		String name = "payslip-" + payslip.employee().employeeCode() + "-" + payslip.periodStart()
				+ (payslip.status() == PayslipStatus.DRAFT ? "-draft" : "") + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(render(payslip));
	}

}
