package io.prax.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.core.io.ClassPathResource;

/**
 * Renders well-formed XHTML as PDF with openhtmltopdf, with DejaVu Sans (regular and
 * bold) embedded so the text can be extracted and searched: the one look of Prax's
 * printable documents (invoices, payslips).
 */
public final class PdfRendering {

	/** The font family the templates name. */
	public static final String FONT = "DejaVu Sans";

	private PdfRendering() {
	}

	public static byte[] render(String xhtml, String what) {
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
			throw new UncheckedIOException("Rendering the " + what + " PDF failed", ex);
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
