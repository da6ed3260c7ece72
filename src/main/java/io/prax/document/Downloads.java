package io.prax.document;

import java.util.Base64;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A verified document as a download: always an attachment, never sniffed by the browser,
 * and sandboxed (no script, no plugin, no same origin) should a browser render it anyway.
 */
final class Downloads {

	static final String SANDBOX = "sandbox; default-src 'none'; frame-ancestors 'none'";

	private Downloads() {
	}

	static ResponseEntity<InputStreamResource> of(DocumentContent content, HttpServletResponse response) {
		DocumentView document = content.document();
		// Set on the servlet response so they replace, not add to, the page policy of the
		// filters.
		response.setHeader("Content-Security-Policy", SANDBOX);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, FileNames.attachment(document.fileName()));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.servedType()))
			.contentLength(document.size())
			.cacheControl(CacheControl.noStore().cachePrivate())
			.header("Repr-Digest",
					"sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(document.sha256())) + ":")
			.body(new InputStreamResource(content.bytes(), document.fileName()));
	}

}
