package io.prax.audit;

import java.util.UUID;

import io.prax.identity.UserDirectory;
import io.prax.identity.PasswordChangeFailed;
import io.prax.identity.PasswordChanged;
import io.prax.identity.PasswordResetRequested;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.identity.UserInvited;
import io.prax.session.SecuritySettingsChanged;
import io.prax.session.SessionRevoked;
import io.prax.session.SignInFailed;
import io.prax.session.SignInUnlocked;
import io.prax.session.SignedIn;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the security events of the session and identity modules into the tenant's chain,
 * in the transaction that published them (a refused sign-in, published after its
 * transaction, gets its own).
 */
@Component
class SecurityEventAudit {

	private static final Logger log = LoggerFactory.getLogger(SecurityEventAudit.class);

	private final AuditWriter writer;

	private final UserDirectory identity;

	SecurityEventAudit(AuditWriter writer, UserDirectory identity) {
		this.writer = writer;
		this.identity = identity;
	}

	@EventListener
	void on(SignedIn event) {
		AuditEntry.Actor actor = user(event.tenantId(), event.userId(), event.sessionId().value(), event.ip(),
				event.userAgent());
		writer.record(event.tenantId(),
				new AuditEntry(actor, "auth.sign_in", "session", event.sessionId().value().toString(), null, null));
	}

	@EventListener
	void on(SignInFailed event) {
		if (event.tenantId() == null) {
			log.warn("Sign-in refused for an unknown workspace ({}), from {}", event.reason(), event.ip());
			return;
		}
		ObjectNode changes = changes();
		changes.put("email", Bounded.text(event.email(), Bounded.EMAIL));
		changes.put("reason", Bounded.text(event.reason(), Bounded.NAME));
		AuditEntry.Actor actor = new AuditEntry.Actor(null, null, null, null, event.ip(), event.userAgent());
		writer.record(event.tenantId(),
				new AuditEntry(actor, "auth.sign_in_failed", null, null, changes, event.reason()));
	}

	@EventListener
	void on(SessionRevoked event) {
		AuditEntry.Actor current = AuditEntry.Actor.current();
		AuditEntry.Actor actor = event.revokedBy() != null && !event.revokedBy().value().equals(current.id())
				? user(event.tenantId(), event.revokedBy(), current.sessionId(), current.ip(), current.userAgent())
				: current;
		ObjectNode changes = changes();
		changes.put("userId", event.userId().value().toString());
		changes.put("revokedBy", event.revokedBy() == null ? null : event.revokedBy().value().toString());
		writer.record(event.tenantId(), new AuditEntry(actor, "session.revoked", "session",
				event.sessionId().value().toString(), changes, event.reason()));
	}

	@EventListener
	void on(PasswordChanged event) {
		AuditEntry.Actor current = AuditEntry.Actor.current();
		AuditEntry.Actor actor = current.id() != null ? current
				: user(event.tenantId(), event.userId(), null, current.ip(), current.userAgent());
		ObjectNode changes = changes();
		changes.put("via", event.keepSessionId() == null ? "one_time_link" : "current_password");
		writer.record(event.tenantId(), new AuditEntry(actor, "user.password_changed", "user",
				event.userId().value().toString(), changes, null));
	}

	@EventListener
	void on(PasswordChangeFailed event) {
		writer.record(event.tenantId(), new AuditEntry(AuditEntry.Actor.current(), "user.password_change_failed",
				"user", event.userId().value().toString(), null, event.reason()));
	}

	@EventListener
	void on(SignInUnlocked event) {
		ObjectNode changes = changes();
		changes.put("wasLocked", event.wasLocked());
		writer.record(event.tenantId(), new AuditEntry(AuditEntry.Actor.current(), "auth.sign_in_unlocked", "user",
				event.userId().value().toString(), changes, null));
	}

	@EventListener
	void on(PasswordResetRequested event) {
		writer.record(event.tenantId(), new AuditEntry(AuditEntry.Actor.current(), "user.password_reset_requested",
				"user", event.userId().value().toString(), null, null));
	}

	@EventListener
	void on(UserInvited event) {
		ObjectNode changes = changes();
		changes.put("email", Bounded.text(event.email(), Bounded.EMAIL));
		changes.put("tier", event.tier().name());
		writer.record(event.tenantId(), new AuditEntry(AuditEntry.Actor.current(), "user.invited", "user",
				event.userId().value().toString(), changes, null));
	}

	/** How many users an import created and their ids; never a hash. */
	@EventListener
	void on(io.prax.identity.UsersImported event) {
		ObjectNode changes = changes();
		changes.put("count", event.userIds().size());
		changes.put("withPassword", event.withPassword());
		changes.put("invited", event.invited());
		event.userIds().forEach(id -> changes.withArray("userIds").add(id.value().toString()));
		writer.record(event.tenantId(),
				new AuditEntry(AuditEntry.Actor.current(), "user.imported", null, null, changes, null));
	}

	@EventListener
	void on(SecuritySettingsChanged event) {
		ObjectNode changes = changes();
		change(changes, "refreshLifetimeDays", event.before().refreshLifetimeDays(),
				event.after().refreshLifetimeDays());
		change(changes, "rememberMeLifetimeDays", event.before().rememberMeLifetimeDays(),
				event.after().rememberMeLifetimeDays());
		change(changes, "idleTimeoutMinutes", event.before().idleTimeoutMinutes(), event.after().idleTimeoutMinutes());
		if (event.mfaBefore() != null && event.mfaAfter() != null && !event.mfaBefore().equals(event.mfaAfter())) {
			ObjectNode diff = changes.putObject("mfa");
			ObjectNode before = diff.putObject("before");
			before.put("requiredForEveryone", event.mfaBefore().requiredForEveryone());
			event.mfaBefore().requiredRoles().forEach(before.putArray("requiredRoles")::add);
			ObjectNode after = diff.putObject("after");
			after.put("requiredForEveryone", event.mfaAfter().requiredForEveryone());
			event.mfaAfter().requiredRoles().forEach(after.putArray("requiredRoles")::add);
		}
		writer.record(event.tenantId(), new AuditEntry(AuditEntry.Actor.current(), "settings.security_changed",
				"security_settings", event.tenantId().value().toString(), changes, null));
	}

	/**
	 * A user's second factor changed (enrolled, disabled, reset by an administrator,
	 * backup codes): never the secret.
	 */
	@EventListener
	void on(io.prax.identity.MfaManagement.MfaChanged event) {
		writer.record(event.tenantId(), new AuditEntry(AuditEntry.Actor.current(), "user.mfa_" + event.change(), "user",
				event.userId().value().toString(), null, null));
	}

	private static void change(ObjectNode changes, String field, int before, int after) {
		if (before != after) {
			ObjectNode diff = changes.putObject(field);
			diff.put("before", before);
			diff.put("after", after);
		}
	}

	private AuditEntry.Actor user(TenantId tenant, UserId id, @Nullable UUID sessionId, @Nullable String ip,
			@Nullable String userAgent) {
		UserAccount account = TenantContext.call(tenant, () -> identity.find(id)).orElse(null);
		return new AuditEntry.Actor(id.value(), account == null ? null : account.name(),
				account == null ? null : account.tier().name(), sessionId, ip, userAgent);
	}

	private static ObjectNode changes() {
		return JsonNodeFactory.instance.objectNode();
	}

}
