package io.prax.access;

import io.prax.identity.PasswordHistory;
import io.prax.platform.RequiresRecentAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's password policy extras, part of the security settings: the history rule.
 */
@Tag(name = "Security settings", description = "The workspace's security settings")
@RestController
class PasswordPolicyApiController {

	private final PasswordHistory history;

	PasswordPolicyApiController(PasswordHistory history) {
		this.history = history;
	}

	/**
	 * {@code historyCount}: how many of a user's last passwords a new one may not repeat;
	 * 0 = off.
	 */
	record PasswordPolicySettings(int historyCount, int maxHistoryCount) {
	}

	record PasswordPolicyChange(@Nullable Integer historyCount) {
	}

	@Operation(summary = "Get the workspace's password policy extras (password history)")
	@GetMapping("/api/v1/admin/security-settings/password-policy")
	@RequiresPermission(Permission.SETTINGS_VIEW)
	PasswordPolicySettings get() {
		return new PasswordPolicySettings(history.historyCount(), PasswordHistory.MAX_COUNT);
	}

	@Operation(summary = "Change the workspace's password policy extras (password history)")
	@PutMapping("/api/v1/admin/security-settings/password-policy")
	@RequiresPermission(Permission.SETTINGS_EDIT)
	@RequiresRecentAuthentication
	PasswordPolicySettings change(@RequestBody PasswordPolicyChange change) {
		return new PasswordPolicySettings(history.changeHistoryCount(change.historyCount()), PasswordHistory.MAX_COUNT);
	}

}
