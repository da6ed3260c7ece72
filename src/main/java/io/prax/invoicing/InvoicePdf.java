package io.prax.invoicing;

import io.prax.approval.ApprovalGate;
import io.prax.platform.PdfRendering;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Renders an invoice as PDF with openhtmltopdf from the Thymeleaf template
 * {@code invoicing/pdf} (well-formed XHTML), with DejaVu Sans embedded so the text can be
 * extracted and searched.
 */
@Component
class InvoicePdf {

	static final String FONT = PdfRendering.FONT;

	private final ITemplateEngine templates;

	private final InvoiceFormat format;

	private final InvoiceLogo logos;

	private final ApprovalGate approvals;

	InvoicePdf(ITemplateEngine templates, InvoiceFormat format, InvoiceLogo logos, ApprovalGate approvals) {
		this.templates = templates;
		this.format = format;
		this.logos = logos;
		this.approvals = approvals;
	}

	byte[] render(InvoiceView invoice) {
		Context context = new Context();
		context.setVariable("invoice", invoice);
		context.setVariable("fmt", format);
		context.setVariable("logo", logos.dataUri(invoice.seller()).orElse(null));
		// 21 CFR 11.50: the electronic signatures of the invoice's approval, printed with
		// it
		context.setVariable("signatures", approvals.signatures("invoice", invoice.id()));
		context.setVariable("acceptances", approvals.signatures("invoice_acceptance", invoice.id()));
		String xhtml = templates.process(new TemplateSpec("invoicing/pdf", TemplateMode.XML), context);
		return PdfRendering.render(xhtml, "invoice");
	}

}
