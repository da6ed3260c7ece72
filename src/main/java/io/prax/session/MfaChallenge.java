package io.prax.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A right password waiting for its second factor, or for the user to enrol one: the
 * sign-in's {@code mfaToken}, stored only as SHA-256, living 5 minutes and completing one
 * sign-in.
 */
@Entity
@Table(name = "mfa_challenge")
class MfaChallenge {

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
		return usedAt == null && now.isBefore(expiresAt) && failures < SessionManagement.MFA_MAX_FAILURES;
	}

}
