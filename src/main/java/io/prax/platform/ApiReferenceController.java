package io.prax.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The API reference (Swagger UI from its WebJar) over {@code /v3/api-docs}, for signed-in
 * users. Its initializer is a static file, so it runs under the nonce CSP without
 * {@code 'unsafe-inline'}.
 */
@Controller
class ApiReferenceController {

	@GetMapping("/api-reference")
	@SignedInOnly("reads the published OpenAPI document; no workspace data")
	String apiReference() {
		return "platform/api-reference";
	}

}
