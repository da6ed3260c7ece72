package io.prax.access;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prax.platform.Page;
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
 * Roles, designations, per-user overrides and explain
 * ({@link FeatureGateAdminApiController} has the gates).
 */
@Tag(name = "Access", description = "Roles, designations, per-user overrides and feature gates")
@RestController
class AccessAdminApiController {

	private final AccessAdministration administration;

	AccessAdminApiController(AccessAdministration administration) {
		this.administration = administration;
	}

	record Deletion(@Nullable String reason) {
	}

	record OverridesRequest(@Nullable List<String> grants, @Nullable List<String> revocations) {
	}

	record Effective(List<String> permissions) {
	}

	// roles

	@Operation(summary = "List roles")
	@GetMapping("/api/v1/admin/roles")
	@RequiresPermission(Permission.USERS_VIEW)
	Page<AccessAdministration.PermissionSet> roles(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return administration.roles(cursor, limit);
	}

	@Operation(summary = "Create a custom role")
	@PostMapping("/api/v1/admin/roles")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.USERS_EDIT)
	ResponseEntity<AccessAdministration.PermissionSet> createRole(
			@RequestBody AccessAdministration.PermissionSetInput input) {
		var created = administration.createRole(input);
		return ResponseEntity.created(URI.create("/api/v1/admin/roles/" + created.id())).body(created);
	}

	@Operation(summary = "Get a role")
	@GetMapping("/api/v1/admin/roles/{id}")
	@RequiresPermission(Permission.USERS_VIEW)
	AccessAdministration.PermissionSet role(@PathVariable String id) {
		return administration.role(id);
	}

	@Operation(summary = "Change a custom role's name or permissions")
	@PutMapping("/api/v1/admin/roles/{id}")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.USERS_EDIT)
	AccessAdministration.PermissionSet updateRole(@PathVariable String id,
			@RequestBody AccessAdministration.PermissionSetInput input) {
		return administration.updateRole(id, input);
	}

	@Operation(summary = "Delete a custom role")
	@DeleteMapping("/api/v1/admin/roles/{id}")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.USERS_EDIT)
	ResponseEntity<Void> deleteRole(@PathVariable String id, @RequestBody(required = false) @Nullable Deletion body) {
		administration.deleteRole(id, body == null ? null : body.reason());
		return ResponseEntity.noContent().build();
	}

	// designations

	@Operation(summary = "List designations (names only, for staff)")
	@GetMapping("/api/v1/designations")
	@SignedInOnly(value = "designation names for every staff member, e.g. to pick one for an employee", staff = true)
	Page<AccessAdministration.PermissionSet> designations(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return administration.designations(cursor, limit);
	}

	@Operation(summary = "Get a designation (for staff)")
	@GetMapping("/api/v1/designations/{id}")
	@SignedInOnly(value = "a designation for every staff member", staff = true)
	AccessAdministration.PermissionSet designation(@PathVariable UUID id) {
		return administration.designation(id);
	}

	@Operation(summary = "List designations with their permissions")
	@GetMapping("/api/v1/admin/designations")
	@RequiresPermission(Permission.DESIGNATIONS_VIEW)
	Page<AccessAdministration.PermissionSet> adminDesignations(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return administration.designations(cursor, limit);
	}

	@Operation(summary = "Get a designation with its permissions")
	@GetMapping("/api/v1/admin/designations/{id}")
	@RequiresPermission(Permission.DESIGNATIONS_VIEW)
	AccessAdministration.PermissionSet adminDesignation(@PathVariable UUID id) {
		return administration.designation(id);
	}

	@Operation(summary = "Create a designation")
	@PostMapping("/api/v1/admin/designations")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.DESIGNATIONS_CREATE)
	ResponseEntity<AccessAdministration.PermissionSet> createDesignation(
			@RequestBody AccessAdministration.PermissionSetInput input) {
		var created = administration.createDesignation(input);
		return ResponseEntity.created(URI.create("/api/v1/admin/designations/" + created.id())).body(created);
	}

	@Operation(summary = "Change a designation")
	@PutMapping("/api/v1/admin/designations/{id}")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.DESIGNATIONS_EDIT)
	AccessAdministration.PermissionSet updateDesignation(@PathVariable UUID id,
			@RequestBody AccessAdministration.PermissionSetInput input) {
		return administration.updateDesignation(id, input);
	}

	@Operation(summary = "Delete a designation")
	@DeleteMapping("/api/v1/admin/designations/{id}")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.DESIGNATIONS_DELETE)
	ResponseEntity<Void> deleteDesignation(@PathVariable UUID id,
			@RequestBody(required = false) @Nullable Deletion body) {
		administration.deleteDesignation(id, body == null ? null : body.reason());
		return ResponseEntity.noContent().build();
	}

	// per-user overrides and explain

	@Operation(summary = "Get a user's permission grants and revocations")
	@GetMapping("/api/v1/admin/users/{id}/overrides")
	@RequiresPermission(Permission.USERS_VIEW)
	AccessAdministration.Overrides overrides(@PathVariable UUID id) {
		return administration.overrides(id);
	}

	@Operation(summary = "Set a user's permission grants and revocations")
	@PutMapping("/api/v1/admin/users/{id}/overrides")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.USERS_EDIT)
	AccessAdministration.Overrides setOverrides(@PathVariable UUID id, @RequestBody OverridesRequest body) {
		return administration.setOverrides(id, body.grants(), body.revocations());
	}

	@Operation(summary = "Explain why a user has or lacks a permission")
	@GetMapping("/api/v1/admin/users/{id}/permissions/explain")
	@RequiresPermission(Permission.USERS_VIEW)
	AccessAdministration.Explanation explain(@PathVariable UUID id, @RequestParam String permission) {
		return administration.explain(id, permission);
	}

	@Operation(summary = "List a user's effective permissions")
	@GetMapping("/api/v1/admin/users/{id}/permissions")
	@RequiresPermission(Permission.USERS_VIEW)
	Effective effective(@PathVariable UUID id) {
		return new Effective(administration.effective(id).stream().sorted().toList());
	}

}
