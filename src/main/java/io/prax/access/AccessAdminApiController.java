package io.prax.access;

import java.util.List;
import java.util.UUID;

import io.prax.identity.UserId;
import io.prax.platform.RequiresRecentAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One user's overrides, effective permissions and explain
 * ({@link PermissionSetAdminApiController} has roles and designations,
 * {@link FeatureGateAdminApiController} the gates).
 */
@Tag(name = "Access", description = "Roles, designations, per-user overrides and feature gates")
@RestController
class AccessAdminApiController {

	private final AccessAdministration administration;

	AccessAdminApiController(AccessAdministration administration) {
		this.administration = administration;
	}

	record OverridesRequest(@Nullable List<String> grants, @Nullable List<String> revocations) {
	}

	record Effective(List<String> permissions) {
	}

	@Operation(summary = "Get a user's permission grants and revocations")
	@GetMapping("/api/v1/admin/users/{id}/overrides")
	@RequiresPermission(Permission.USERS_VIEW)
	AccessAdministration.Overrides overrides(@PathVariable UUID id) {
		return administration.overrides(new UserId(id));
	}

	@Operation(summary = "Set a user's permission grants and revocations")
	@PutMapping("/api/v1/admin/users/{id}/overrides")
	@RequiresRecentAuthentication
	@RequiresPermission(Permission.USERS_EDIT)
	AccessAdministration.Overrides setOverrides(@PathVariable UUID id, @RequestBody OverridesRequest body) {
		return administration.setOverrides(new UserId(id), body.grants(), body.revocations());
	}

	@Operation(summary = "Explain why a user has or lacks a permission")
	@GetMapping("/api/v1/admin/users/{id}/permissions/explain")
	@RequiresPermission(Permission.USERS_VIEW)
	AccessAdministration.Explanation explain(@PathVariable UUID id, @RequestParam String permission) {
		return administration.explain(new UserId(id), permission);
	}

	@Operation(summary = "List a user's effective permissions")
	@GetMapping("/api/v1/admin/users/{id}/permissions")
	@RequiresPermission(Permission.USERS_VIEW)
	Effective effective(@PathVariable UUID id) {
		return new Effective(administration.effective(new UserId(id)).stream().sorted().toList());
	}

}
