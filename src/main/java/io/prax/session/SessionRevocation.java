package io.prax.session;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import io.prax.identity.CurrentUser;
import io.prax.identity.UserDirectory;
import io.prax.identity.MfaManagement;
import io.prax.identity.PasswordChanged;
import io.prax.identity.UserDeactivated;
import io.prax.identity.UserId;
import io.prax.platform.ProblemException;
import io.prax.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends sessions: asked by their owner or an administrator, or because the password, the
 * second factor or the account changed. Every node learns of it in the revoking
 * transaction.
 */
@Service
public class SessionRevocation {

	private final UserSessions sessions;

	private final UserDirectory identity;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final SessionLiveness liveness;

	private final EntityManager entityManager;

	private final Clock clock;

	SessionRevocation(UserSessions sessions, UserDirectory identity, TransactionTemplate transactions,
			ApplicationEventPublisher events, SessionLiveness liveness, EntityManager entityManager, Clock clock) {
		this.sessions = sessions;
		this.identity = identity;
		this.transactions = transactions;
		this.events = events;
		this.liveness = liveness;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	/**
	 * Ends a session of the current tenant at once; {@code by} is the acting user, if
	 * any.
	 */
	public void revoke(SessionId id, String reason, @Nullable UserId by) {
		transactions.executeWithoutResult(status -> sessions.findById(id.value())
			.ifPresent(session -> end(session, Instant.now(clock), reason, by)));
	}

	/**
	 * Ends one of the current user's own sessions; another user's session is "not found".
	 */
	public void revokeMine(SessionId id) {
		CurrentUser me = CurrentUser.require();
		transactions.executeWithoutResult(status -> {
			UserSession session = sessions.findById(id.value())
				.filter(s -> s.userId().equals(me.id().value()))
				.orElseThrow(() -> ProblemException.notFound("session"));
			end(session, Instant.now(clock), session.id().equals(me.sessionId()) ? "logout" : "revoked_by_user",
					me.id());
		});
	}

	/** An administrator ends any session of the tenant. */
	public void revokeByAdmin(SessionId id) {
		CurrentUser admin = CurrentUser.require();
		transactions.executeWithoutResult(status -> {
			UserSession session = sessions.findById(id.value()).orElseThrow(() -> ProblemException.notFound("session"));
			end(session, Instant.now(clock), "revoked_by_admin", admin.id());
		});
	}

	/** An administrator ends every session of one user of the tenant. */
	public void revokeAllOf(UserId user) {
		CurrentUser admin = CurrentUser.require();
		transactions.executeWithoutResult(status -> {
			if (identity.find(user).isEmpty()) {
				throw ProblemException.notFound("user");
			}
			Instant now = Instant.now(clock);
			sessions.findByUserIdAndRevokedAtIsNull(user.value())
				.forEach(session -> end(session, now, "revoked_by_admin", admin.id()));
		});
	}

	/** A changed or reset password ends every other session of that user. */
	@EventListener
	void on(PasswordChanged event) {
		Instant now = Instant.now(clock);
		sessions.findByUserIdAndRevokedAtIsNull(event.userId().value())
			.stream()
			.filter(session -> !session.id().equals(event.keepSessionId()))
			.forEach(session -> end(session, now, "password_changed", null));
	}

	/** A deactivated user's sessions all end. */
	@EventListener
	void on(UserDeactivated event) {
		Instant now = Instant.now(clock);
		sessions.findByUserIdAndRevokedAtIsNull(event.userId().value())
			.forEach(session -> end(session, now, "user_deactivated",
					CurrentUser.current().map(CurrentUser::id).orElse(null)));
	}

	/**
	 * An administrator's reset, or the user's own disabling, of MFA ends the user's
	 * sessions.
	 */
	@EventListener
	void on(MfaManagement.MfaChanged event) {
		if (!"reset".equals(event.change()) && !"disabled".equals(event.change())) {
			return;
		}
		Instant now = Instant.now(clock);
		// Every session, the disabling one too: a user who must have MFA enrols again at
		// the next sign-in.
		sessions.findByUserIdAndRevokedAtIsNull(event.userId().value())
			.forEach(session -> end(session, now, "mfa_" + event.change(), event.by()));
	}

	/**
	 * Ends a live session, inside the caller's transaction, and announces it; an ended
	 * one stays as it is.
	 */
	void end(UserSession session, Instant now, String reason, @Nullable UserId by) {
		if (session.liveAt(now)) {
			session.revoke(now, reason);
			announceRevocation(session);
			events.publishEvent(new SessionRevoked(new TenantId(session.tenantId()), new SessionId(session.id()),
					new UserId(session.userId()), reason, by));
		}
	}

	/**
	 * Tells every node, this one included, in the revoking transaction: PostgreSQL
	 * delivers the notice only if the revocation commits. This node also forgets the
	 * session once committed.
	 */
	private void announceRevocation(UserSession session) {
		entityManager.createNativeQuery("select cast(pg_notify(?1, ?2) as text)")
			.setParameter(1, SessionRevocationListener.CHANNEL)
			.setParameter(2, session.tenantId() + ":" + session.id())
			.getSingleResult();
		UUID id = session.id();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					liveness.revoked(id);
				}
			});
		}
	}

}
