package io.prax.access;

import java.net.URI;
import java.util.UUID;

import io.prax.access.PermissionSetAdministration.PermissionSet;
import io.prax.access.PermissionSetAdministration.PermissionSetInput;
import io.prax.platform.Page;
import io.prax.platform.RequiresRecentAuthentication;
import io.prax.platform.SignedInOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
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
 * Roles and designations over the API: each kind has its own addresses and permissions,
 * one service path behind them.
 */
@Tag(name = "Access", description = "Roles, designations, per-user overrides and feature gates")
@RestController
class PermissionSetAdminApiController {

	private final PermissionSetAdministration sets;

	PermissionSetAdminApiController(PermissionSetAdministration sets) {
		this.sets = sets;
	}

	record Deletion(@Nullable String reason) {
	}

	// roles

	@Operation(summary = "List roles")
	@GetMapping("/api/v1/admin/roles")
	@RequiresPermission(Permission.USERS_VIEW)
	Page<PermissionSet> roles(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return sets.page(PermissionSetKind.ROLE, cursor, limit);
	}

	@Operation(summary = "Create a custom role")
	@PostMapping("/api/v1/admin/roles")
	@RequiresRecentAuthentication
	@RequiresPermission(Permission.USERS_EDIT)
	ResponseEntity<PermissionSet> createRole(@RequestBody PermissionSetInput input) {
		return created(PermissionSetKind.ROLE, input);
	}

	@Operation(summary = "Get a role")
	@GetMapping("/api/v1/admin/roles/{id}")
	@RequiresPermission(Permission.USERS_VIEW)
	PermissionSet role(@PathVariable String id) {
		return sets.role(id);
	}

	@Operation(summary = "Change a custom role's name or permissions")
	@PutMapping("/api/v1/admin/roles/{id}")
	@RequiresRecentAuthentication
	@RequiresPermission(Permission.USERS_EDIT)
	PermissionSet updateRole(@PathVariable String id, @RequestBody PermissionSetInput input) {
		return sets.update(RoleId.ofCustom(id), input);
	}

	@Operation(summary = "Delete a custom role")
	@DeleteMapping("/api/v1/admin/roles/{id}")
	@RequiresRecentAuthentication
	@RequiresPermission(Permission.USERS_EDIT)
	ResponseEntity<Void> deleteRole(@PathVariable String id, @RequestBody(required = false) @Nullable Deletion body) {
		return deleted(RoleId.ofCustom(id), body);
	}

	// designations

	@Operation(summary = "List designations (names only, for staff)")
	@GetMapping("/api/v1/designations")
	@SignedInOnly(value = "designation names for every staff member, e.g. to pick one for an employee", staff = true)
	Page<PermissionSet> designations(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return sets.page(PermissionSetKind.DESIGNATION, cursor, limit);
	}

	@Operation(summary = "Get a designation (for staff)")
	@GetMapping("/api/v1/designations/{id}")
	@SignedInOnly(value = "a designation for every staff member", staff = true)
	PermissionSet designation(@PathVariable UUID id) {
		return sets.get(new DesignationId(id));
	}

	@Operation(summary = "List designations with their permissions")
	@GetMapping("/api/v1/admin/designations")
	@RequiresPermission(Permission.DESIGNATIONS_VIEW)
	Page<PermissionSet> adminDesignations(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return sets.page(PermissionSetKind.DESIGNATION, cursor, limit);
	}

	@Operation(summary = "Get a designation with its permissions")
	@GetMapping("/api/v1/admin/designations/{id}")
	@RequiresPermission(Permission.DESIGNATIONS_VIEW)
	PermissionSet adminDesignation(@PathVariable UUID id) {
		return sets.get(new DesignationId(id));
	}

	@Operation(summary = "Create a designation")
	@PostMapping("/api/v1/admin/designations")
	@RequiresRecentAuthentication
	@RequiresPermission(Permission.DESIGNATIONS_CREATE)
	ResponseEntity<PermissionSet> createDesignation(@RequestBody PermissionSetInput input) {
		return created(PermissionSetKind.DESIGNATION, input);
	}

	@Operation(summary = "Change a designation")
	@PutMapping("/api/v1/admin/designations/{id}")
	@RequiresRecentAuthentication
	@RequiresPermission(Permission.DESIGNATIONS_EDIT)
	PermissionSet updateDesignation(@PathVariable UUID id, @RequestBody PermissionSetInput input) {
		return sets.update(new DesignationId(id), input);
	}

	@Operation(summary = "Delete a designation")
	@DeleteMapping("/api/v1/admin/designations/{id}")
	@RequiresRecentAuthentication
	@RequiresPermission(Permission.DESIGNATIONS_DELETE)
	ResponseEntity<Void> deleteDesignation(@PathVariable UUID id,
			@RequestBody(required = false) @Nullable Deletion body) {
		return deleted(new DesignationId(id), body);
	}

	// the same for either kind

	private ResponseEntity<PermissionSet> created(PermissionSetKind kind, PermissionSetInput input) {
		PermissionSet created = sets.create(kind, input);
		return ResponseEntity.created(URI.create("/api/v1/admin/" + kind.plural() + "/" + created.id())).body(created);
	}

	private ResponseEntity<Void> deleted(PermissionSetId id, @Nullable Deletion body) {
		sets.delete(id, body == null ? null : body.reason());
		return ResponseEntity.noContent().build();
	}

}
