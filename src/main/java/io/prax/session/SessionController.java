package io.prax.session;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.prax.access.Permission;
import io.prax.access.RequiresPermission;
import io.prax.identity.UserId;
import io.prax.platform.SignedInOnly;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages: "Your sessions" for everyone, and the administrators' view of every live
 * session.
 */
@Controller
class SessionController {

	private final ActiveSessions sessions;

	private final SessionRevocation revocation;

	private final AccountRecovery recovery;

	SessionController(ActiveSessions sessions, SessionRevocation revocation, AccountRecovery recovery) {
		this.sessions = sessions;
		this.revocation = revocation;
		this.recovery = recovery;
	}

	/** The sessions of one user, for the administrators' page. */
	record UserSessionsGroup(String userId, String userName, String userEmail, List<ActiveSession> sessions) {
	}

	@GetMapping("/me/sessions")
	@SignedInOnly("one's own sessions")
	String mine(Model model) {
		model.addAttribute("activeNav", "me-security");
		model.addAttribute("sessions", sessions.mine());
		return "session/mine";
	}

	@PostMapping("/me/sessions/{id}/revoke")
	@SignedInOnly("ends one of one's own sessions")
	String revokeMine(@PathVariable String id, RedirectAttributes redirect) {
		revocation.revokeMine(new SessionId(SessionApiController.uuid(id, "session")));
		redirect.addFlashAttribute("flash", "The session was signed out.");
		return "redirect:/me/sessions";
	}

	@GetMapping("/admin/sessions")
	@RequiresPermission(Permission.SESSIONS_VIEW)
	String all(@RequestParam(required = false) @Nullable String userId, Model model) {
		UserId filter = userId == null || userId.isBlank() ? null
				: new UserId(SessionApiController.uuid(userId, "user"));
		List<ActiveSession> active = sessions.active(filter);
		Map<UserId, List<ActiveSession>> byUser = active.stream().collect(Collectors.groupingBy(ActiveSession::userId));
		List<UserSessionsGroup> groups = byUser.values()
			.stream()
			.map(list -> new UserSessionsGroup(list.get(0).userId().toString(), list.get(0).userName(),
					list.get(0).userEmail(), list))
			.sorted(Comparator.comparing(UserSessionsGroup::userEmail))
			.toList();
		model.addAttribute("activeNav", "admin-sessions");
		model.addAttribute("groups", groups);
		model.addAttribute("total", active.size());
		model.addAttribute("filtered", filter != null);
		return "session/admin";
	}

	@PostMapping("/admin/sessions/{id}/revoke")
	@RequiresPermission(Permission.SESSIONS_DELETE)
	String revoke(@PathVariable String id, RedirectAttributes redirect) {
		revocation.revokeByAdmin(new SessionId(SessionApiController.uuid(id, "session")));
		redirect.addFlashAttribute("flash", "The session was signed out.");
		return "redirect:/admin/sessions";
	}

	@PostMapping("/admin/users/{id}/sessions/revoke-all")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.SESSIONS_DELETE)
	String revokeAll(@PathVariable String id, RedirectAttributes redirect) {
		revocation.revokeAllOf(new UserId(SessionApiController.uuid(id, "user")));
		redirect.addFlashAttribute("flash", "All sessions of the user were signed out.");
		return "redirect:/admin/sessions";
	}

	/** Lifts a sign-in lockout from the user's admin page. */
	@PostMapping("/admin/users/{id}/unlock")
	@RequiresPermission(Permission.USERS_EDIT)
	String unlock(@PathVariable String id, RedirectAttributes redirect) {
		recovery.unlock(new UserId(SessionApiController.uuid(id, "user")));
		redirect.addFlashAttribute("flash", "Sign-in unlocked: the user can try again now.");
		return "redirect:/admin/users/" + id;
	}

}
