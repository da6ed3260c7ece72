package io.prax.session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.prax.platform.SingleUseToken;
import io.prax.platform.ProblemException;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A right password waiting for its second factor, or for the user to enrol one: the
 * sign-in's {@code mfaToken}, stored only as SHA-256, living 5 minutes and completing one
 * sign-in.
 */
@Entity
@Table(name = "mfa_challenge")
class MfaChallenge extends SingleUseToken {

	/** How long the {@code mfaToken} of a sign-in waiting for its second factor lives. */
	static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

	/**
	 * Wrong codes one {@code mfaToken} takes before the password must be entered again.
	 */
	static final int MAX_FAILURES = 5;

	private UUID userId;

	private boolean rememberMe;

	private boolean enrolment;

	private @Nullable String ip;

	private @Nullable String userAgent;

	private int failures;

	protected MfaChallenge() {
	}

	MfaChallenge(String tokenHash, UUID userId, boolean rememberMe, boolean enrolment, ClientInfo client, Instant now,
			Instant expiresAt) {
		super(tokenHash, now, expiresAt);
		this.userId = userId;
		this.rememberMe = rememberMe;
		this.enrolment = enrolment;
		this.ip = client.ip();
		this.userAgent = client.userAgent() == null || client.userAgent().length() <= 512 ? client.userAgent()
				: client.userAgent().substring(0, 512);
	}

	UUID userId() {
		return userId;
	}

	boolean rememberMe() {
		return rememberMe;
	}

	boolean enrolment() {
		return enrolment;
	}

	@Override
	public boolean usableAt(Instant now) {
		return super.usableAt(now) && failures < MAX_FAILURES;
	}

	/** The tenant an {@code mfaToken} names, else 401 {@code invalid_mfa_token}. */
	static io.prax.tenancy.TenantId tenantOf(@Nullable String token) {
		int dot = token == null ? -1 : token.indexOf('.');
		try {
			if (token != null && dot == 36 && token.length() < 200) {
				return new io.prax.tenancy.TenantId(UUID.fromString(token.substring(0, dot)));
			}
		}
		catch (IllegalArgumentException ex) {
			// fall through
		}
		throw invalidToken();
	}

	static ProblemException invalidToken() {
		return new ProblemException(HttpStatus.UNAUTHORIZED, "invalid_mfa_token",
				"This sign-in has expired or was completed; sign in again");
	}

}
