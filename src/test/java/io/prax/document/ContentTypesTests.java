package io.prax.document;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Types come from the bytes; the name only refines; active content is never served as
 * itself.
 */
class ContentTypesTests {

	@TempDir
	Path dir;

	@Test
	void sniffsFromTheBytesNotTheName() throws Exception {
		assertThat(sniff("<html><body>hi</body></html>", "photo.png")).isEqualTo("text/html");
		assertThat(sniff("%PDF-1.7\n%%EOF", "notes.txt")).isEqualTo("application/pdf");
		assertThat(sniff("just words", "readme")).isEqualTo("text/plain");
	}

	@Test
	void letsTheNameOnlyRefineWhatTheBytesSay() throws Exception {
		assertThat(sniff("a,b\n1,2\n", "prices.csv")).isEqualTo("text/csv");
		Path binary = dir.resolve("blob");
		Files.write(binary, new byte[] { 0x13, 0x37, 0x00, (byte) 0xfe, 0x01, 0x02 });
		assertThat(ContentTypes.sniff(binary, "contract.pdf")).isEqualTo(ContentTypes.OCTET_STREAM);
	}

	@Test
	void servesActiveContentAsOctetStream() {
		for (String active : new String[] { "text/html", "application/xhtml+xml", "image/svg+xml", "text/xml",
				"application/xml", "application/javascript", "text/javascript", "application/x-shockwave-flash",
				"application/rdf+xml", "text/css" }) {
			assertThat(ContentTypes.served(active)).as(active).isEqualTo(ContentTypes.OCTET_STREAM);
		}
		assertThat(ContentTypes.served("application/pdf")).isEqualTo("application/pdf");
		assertThat(ContentTypes.served("image/png")).isEqualTo("image/png");
		assertThat(ContentTypes.served("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	}

	private String sniff(String content, String name) throws Exception {
		Path file = dir.resolve("f" + System.nanoTime());
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return ContentTypes.sniff(file, name);
	}

}
