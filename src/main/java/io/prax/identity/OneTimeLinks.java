package io.prax.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.prax.platform.Digests;
import io.prax.platform.PraxProperties;
import io.prax.platform.ProblemException;
import io.prax.platform.SecretFiles;
import io.prax.tenancy.TenantId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * One-time password links (invitations and resets): {@code <tenant id>.<random>}, stored
 * only as its SHA-256, so the link names its tenant and works before sign-in.
 */
@Component
class OneTimeLinks {

	static final Duration INVITATION_LIFETIME = Duration.ofHours(72);

	static final Duration RESET_LIFETIME = Duration.ofMinutes(30);

	private final PasswordTokens tokens;

	private final PraxProperties properties;

	private final Clock clock;

	OneTimeLinks(PasswordTokens tokens, PraxProperties properties, Clock clock) {
		this.tokens = tokens;
		this.properties = properties;
		this.clock = clock;
	}

	/** Stores a new token for the user and answers the link to mail. */
	String issue(User user, PasswordToken.Purpose purpose, Duration lifetime) {
		String token = user.tenantId() + "." + SecretFiles.randomToken(32);
		Instant now = Instant.now(clock);
		tokens.save(new PasswordToken(Digests.sha256Hex(token), user.id(), purpose, now, now.plus(lifetime)));
		return properties.publicUrl() + "/password/set?token=" + token;
	}

	/** The tenant a token names; 400 {@code invalid_token} when it names none. */
	static TenantId tenantOf(String token) {
		int dot = token == null ? -1 : token.indexOf('.');
		if (dot != 36) {
			throw invalid();
		}
		try {
			return new TenantId(UUID.fromString(token.substring(0, dot)));
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
	}

	static ProblemException invalid() {
		return new ProblemException(HttpStatus.BAD_REQUEST, "invalid_token",
				"This link is invalid, already used or expired; ask for a new one");
	}

}
