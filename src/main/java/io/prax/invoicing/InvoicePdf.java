package io.prax.invoicing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.core.io.ClassPathResource;
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

	static final String FONT = "DejaVu Sans";

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
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(() -> font("fonts/DejaVuSans.ttf"), FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
			builder.useFont(() -> font("fonts/DejaVuSans-Bold.ttf"), FONT, 700, BaseRendererBuilder.FontStyle.NORMAL,
					true);
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Rendering the invoice PDF failed", ex);
		}
	}

	private static InputStream font(String path) {
		try {
			return new ClassPathResource(path).getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Font " + path + " is missing from the build", ex);
		}
	}
}
