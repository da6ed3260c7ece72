package io.prax.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.prax.access.Permission;
import io.prax.access.RequiresPermission;
import io.prax.identity.UserId;
import io.prax.platform.ProblemException;
import io.prax.platform.SignedInOnly;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own sessions under {@code /api/v1/me/sessions}, and every session for
 * administrators.
 */
@Tag(name = "Sessions", description = "Sessions and the workspace's security settings")
@RestController
class SessionApiController {

	private final ActiveSessions sessions;

	private final SessionRevocation revocation;

	private final SessionSecuritySettings settings;

	private final AccountRecovery recovery;

	SessionApiController(ActiveSessions sessions, SessionRevocation revocation, SessionSecuritySettings settings,
			AccountRecovery recovery) {
		this.sessions = sessions;
		this.revocation = revocation;
		this.settings = settings;
		this.recovery = recovery;
	}

	record MySession(String id, String device, String browser, String os, @Nullable String ip, Instant createdAt,
			Instant lastSeenAt, Instant expiresAt, boolean rememberMe, boolean current) {

		static MySession of(ActiveSession s) {
			return new MySession(s.id().toString(), s.device(), s.browser(), s.os(), s.ip(), s.createdAt(),
					s.lastSeenAt(), s.expiresAt(), s.rememberMe(), s.current());
		}
	}

	record MySessions(List<MySession> items) {
	}

	record TenantSession(String id, String userId, String userName, String userEmail, String device, String browser,
			String os, @Nullable String ip, Instant createdAt, Instant lastSeenAt, Instant expiresAt,
			boolean rememberMe, boolean current) {

		static TenantSession of(ActiveSession s) {
			return new TenantSession(s.id().toString(), s.userId().toString(), s.userName(), s.userEmail(), s.device(),
					s.browser(), s.os(), s.ip(), s.createdAt(), s.lastSeenAt(), s.expiresAt(), s.rememberMe(),
					s.current());
		}
	}

	record TenantSessions(List<TenantSession> items, @Nullable String nextCursor) {
	}

	@Operation(summary = "List one's own sessions")
	@GetMapping("/api/v1/me/sessions")
	@SignedInOnly("one's own sessions")
	MySessions mine() {
		return new MySessions(sessions.mine().stream().map(MySession::of).toList());
	}

	@Operation(summary = "End one of one's own sessions")
	@DeleteMapping("/api/v1/me/sessions/{id}")
	@SignedInOnly("ends one of one's own sessions")
	ResponseEntity<Void> revokeMine(@PathVariable String id) {
		revocation.revokeMine(new SessionId(uuid(id, "session")));
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "List the workspace's active sessions")
	@GetMapping("/api/v1/admin/sessions")
	@RequiresPermission(Permission.SESSIONS_VIEW)
	TenantSessions all(@RequestParam(required = false) @Nullable String userId) {
		UserId user = userId == null || userId.isBlank() ? null : new UserId(uuid(userId, "user"));
		return new TenantSessions(sessions.active(user).stream().map(TenantSession::of).toList(), null);
	}

	@Operation(summary = "End a session")
	@DeleteMapping("/api/v1/admin/sessions/{id}")
	@RequiresPermission(Permission.SESSIONS_DELETE)
	ResponseEntity<Void> revoke(@PathVariable String id) {
		revocation.revokeByAdmin(new SessionId(uuid(id, "session")));
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "End all of a user's sessions")
	@PostMapping("/api/v1/admin/users/{id}/sessions/revoke-all")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.SESSIONS_DELETE)
	ResponseEntity<Void> revokeAll(@PathVariable String id) {
		revocation.revokeAllOf(new UserId(uuid(id, "user")));
		return ResponseEntity.noContent().build();
	}

	/** The session part of the tenant's security settings. */
	record SecuritySettings(Lifetimes sessions, MfaRequirement mfa) {
	}

	record SessionSettingsChange(@Nullable Integer refreshLifetimeDays, @Nullable Integer rememberMeLifetimeDays,
			@Nullable Integer idleTimeoutMinutes) {
	}

	record MfaChange(@Nullable List<String> requiredRoles, @Nullable Boolean requiredForEveryone) {
	}

	record SecuritySettingsChange(@Nullable SessionSettingsChange sessions, @Nullable MfaChange mfa) {
	}

	@Operation(summary = "Get the workspace's session lifetimes")
	@GetMapping("/api/v1/admin/security-settings")
	@RequiresPermission(Permission.SETTINGS_VIEW)
	SecuritySettings securitySettings() {
		return new SecuritySettings(settings.lifetimes(), settings.mfaRequirement());
	}

	@Operation(summary = "Change the workspace's session lifetimes")
	@PutMapping("/api/v1/admin/security-settings")
	@RequiresPermission(Permission.SETTINGS_EDIT)
	@io.prax.platform.RequiresRecentAuthentication
	SecuritySettings changeSecuritySettings(@RequestBody SecuritySettingsChange change) {
		Lifetimes current = settings.lifetimes();
		MfaRequirement was = settings.mfaRequirement();
		SessionSettingsChange s = change.sessions();
		MfaChange m = change.mfa();
		// Both parts in one transaction: a refused lifetime leaves the MFA requirement
		// unchanged too.
		settings.changeSecuritySettings(
				s == null ? null : new SessionSecuritySettings.LifetimeChange(
						s.refreshLifetimeDays() != null ? s.refreshLifetimeDays() : current.refreshLifetimeDays(),
						s.rememberMeLifetimeDays() != null ? s.rememberMeLifetimeDays()
								: current.rememberMeLifetimeDays(),
						s.idleTimeoutMinutes() != null ? s.idleTimeoutMinutes() : current.idleTimeoutMinutes()),
				m == null ? null
						: new SessionSecuritySettings.MfaRequirementChange(
								m.requiredRoles() != null ? m.requiredRoles() : was.requiredRoles(),
								m.requiredForEveryone() != null ? m.requiredForEveryone() : was.requiredForEveryone()));
		return new SecuritySettings(settings.lifetimes(), settings.mfaRequirement());
	}

	/** Lifts a sign-in lockout of the user at once. */
	@Operation(summary = "Lift a user's sign-in lockout")
	@PostMapping("/api/v1/admin/users/{id}/unlock")
	@RequiresPermission(Permission.USERS_EDIT)
	ResponseEntity<Void> unlock(@PathVariable String id) {
		recovery.unlock(new UserId(uuid(id, "user")));
		return ResponseEntity.noContent().build();
	}

	/** Removes the user's second factor; they enrol again at their next sign-in. */
	@Operation(summary = "Reset a user's MFA: they enrol again at their next sign-in; their sessions end")
	@PostMapping("/api/v1/admin/users/{id}/mfa/reset")
	@RequiresPermission(Permission.USERS_EDIT)
	@io.prax.platform.RequiresRecentAuthentication
	ResponseEntity<Void> resetMfa(@PathVariable String id) {
		recovery.resetMfa(new UserId(uuid(id, "user")));
		return ResponseEntity.noContent().build();
	}

	static UUID uuid(String value, String what) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.notFound(what);
		}
	}

}
