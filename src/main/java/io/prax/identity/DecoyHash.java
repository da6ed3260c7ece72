package io.prax.identity;

import io.prax.platform.SecretFiles;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A hash of nobody's password, checked when a user has none (or is unknown), so both
 * answers take the same time.
 */
@Component
class DecoyHash {

	private final String hash;

	DecoyHash(PasswordEncoder encoder) {
		this.hash = encoder.encode(SecretFiles.randomToken(16));
	}

	/** {@code stored}, or the decoy when there is none. */
	String or(@Nullable String stored) {
		return stored != null ? stored : hash;
	}

}
