package io.prax.invoicing;

import java.util.Optional;
import java.util.UUID;

import io.prax.platform.PdfRendering;
import org.springframework.beans.factory.ObjectProvider;
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
	private final ObjectProvider<InvoiceLogo> logos;

	InvoicePdf(ITemplateEngine templates, InvoiceFormat format, ObjectProvider<InvoiceLogo> logos) {
		this.templates = templates;
		this.format = format;
		this.logos = logos;
	}

	byte[] render(InvoiceView invoice) {
		Context context = new Context();
		context.setVariable("invoice", invoice);
		context.setVariable("fmt", format);
		context.setVariable("logo", logo(invoice).orElse(null));
		String xhtml = templates.process(new TemplateSpec("invoicing/pdf", TemplateMode.XML), context);
		return PdfRendering.render(xhtml, "invoice");
	}

	private Optional<String> logo(InvoiceView invoice) {
		String id = invoice.seller().logoDocumentId();
		InvoiceLogo source = logos.getIfAvailable();
		if (id == null || source == null) {
			return Optional.empty();
		}
		return source.dataUri(UUID.fromString(id));
	}
}
