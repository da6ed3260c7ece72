package io.prax.invoicing;

import io.prax.platform.PdfRendering;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Renders an invoice as PDF with openhtmltopdf from the Thymeleaf template {@code invoicing/pdf}
 * (well-formed XHTML), with DejaVu Sans embedded so the text can be extracted and searched.
 */
@Component
class InvoicePdf {

	static final String FONT = PdfRendering.FONT;

	private final ITemplateEngine templates;
	private final InvoiceFormat format;
	private final InvoiceLogo logos;

	InvoicePdf(ITemplateEngine templates, InvoiceFormat format, InvoiceLogo logos) {
		this.templates = templates;
		this.format = format;
		this.logos = logos;
	}

	byte[] render(InvoiceView invoice) {
		Context context = new Context();
		context.setVariable("invoice", invoice);
		context.setVariable("fmt", format);
		context.setVariable("logo", logos.dataUri(invoice.seller()).orElse(null));
		String xhtml = templates.process(new TemplateSpec("invoicing/pdf", TemplateMode.XML), context);
		return PdfRendering.render(xhtml, "invoice");
	}
}
