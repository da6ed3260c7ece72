package io.prax.platform;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** RFC 9116 {@code /.well-known/security.txt}: where to report a vulnerability. */
@RestController
class SecurityTxtController {

	private final PraxProperties properties;

	private final @Nullable String contact;

	private final Clock clock;

	SecurityTxtController(PraxProperties properties, Clock clock) {
		this.properties = properties;
		this.contact = properties.securityContact();
		this.clock = clock;
	}

	@GetMapping("/.well-known/security.txt")
	@PublicEndpoint("RFC 9116 security contact")
	ResponseEntity<String> securityTxt() {
		String base = properties.publicUrl().replaceAll("/+$", "");
		String host = URI.create(base).getHost();
		String contactLine = contact != null && !contact.isBlank() ? contact
				: "mailto:security@" + (host == null ? "localhost" : host);
		// RFC 9116 asks for an expiry less than a year ahead; a fresh one is served every
		// day.
		Instant expires = Instant.now(clock).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(180));
		String body = "Contact: " + contactLine + "\n" + "Expires: " + expires + "\n" + "Preferred-Languages: en\n"
				+ "Canonical: " + base + "/.well-known/security.txt\n";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
			.body(body);
	}

}
