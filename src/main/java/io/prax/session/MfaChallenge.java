package io.prax.session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
class MfaChallenge {

	/** How long the {@code mfaToken} of a sign-in waiting for its second factor lives. */
	static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

	/**
	 * Wrong codes one {@code mfaToken} takes before the password must be entered again.
	 */
	static final int MAX_FAILURES = 5;

	@Id
	private String tokenHash;

	@TenantId
	@Column(name = "tenant_id", updatable = false)
	private UUID tenantId;

	private UUID userId;

	private boolean rememberMe;

	private boolean enrolment;

	private @Nullable String ip;

	private @Nullable String userAgent;

	private Instant createdAt;

	private Instant expiresAt;

	private @Nullable Instant usedAt;

	private int failures;

	protected MfaChallenge() {
	}

	MfaChallenge(String tokenHash, UUID userId, boolean rememberMe, boolean enrolment, ClientInfo client, Instant now,
			Instant expiresAt) {
		this.tokenHash = tokenHash;
		this.userId = userId;
		this.rememberMe = rememberMe;
		this.enrolment = enrolment;
		this.ip = client.ip();
		this.userAgent = client.userAgent() == null || client.userAgent().length() <= 512 ? client.userAgent()
				: client.userAgent().substring(0, 512);
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

	String tokenHash() {
		return tokenHash;
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

	boolean usableAt(Instant now) {
		return usedAt == null && now.isBefore(expiresAt) && failures < MAX_FAILURES;
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
