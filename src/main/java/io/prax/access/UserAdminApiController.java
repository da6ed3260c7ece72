package io.prax.access;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.platform.Page;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Users", description = "User administration in the workspace")
@RestController
@RequestMapping("/api/v1/admin/users")
class UserAdminApiController {

	private final UserAdministration users;

	private final io.prax.identity.MfaManagement mfa;

	UserAdminApiController(UserAdministration users, io.prax.identity.MfaManagement mfa) {
		this.users = users;
		this.mfa = mfa;
	}

	record UserResponse(String id, String email, String name, String tier, List<String> roles,
			@Nullable String designationId, @Nullable String customerId, String status, long version,
			boolean mfaEnrolled) {

		static UserResponse of(UserAdministration.ManagedUser managed, boolean mfaEnrolled) {
			UserAccount user = managed.account();
			return new UserResponse(user.id().toString(), user.email(), user.name(), user.tier().name(), user.roles(),
					managed.designationId(), user.customerId() == null ? null : user.customerId().toString(),
					user.status().name(), user.version(), mfaEnrolled);
		}
	}

	private UserResponse of(UserAdministration.ManagedUser managed) {
		return UserResponse.of(managed, mfa.enrolled(managed.account().id()));
	}

	@Operation(summary = "List the workspace's users (with whether each has MFA)")
	@GetMapping
	@RequiresPermission(Permission.USERS_VIEW)
	Page<UserResponse> list(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		Page<UserAdministration.ManagedUser> page = users.list(cursor, limit);
		java.util.Set<io.prax.identity.UserId> enrolled = mfa
			.enrolledAmong(page.items().stream().map(u -> u.account().id()).toList());
		return new Page<>(
				page.items().stream().map(u -> UserResponse.of(u, enrolled.contains(u.account().id()))).toList(),
				page.nextCursor());
	}

	@Operation(summary = "Invite a user")
	@PostMapping
	@RequiresPermission(Permission.USERS_CREATE)
	ResponseEntity<UserResponse> invite(@RequestBody UserAdministration.Invitation invitation) {
		UserResponse created = of(users.invite(invitation));
		return ResponseEntity.created(URI.create("/api/v1/admin/users/" + created.id())).body(created);
	}

	record ImportedUser(int row, String id, String email, String status) {
	}

	/** Counts and ids of the imported users: never a hash. */
	record ImportResponse(int imported, int invited, List<ImportedUser> users) {
	}

	/**
	 * 201 with the users; 400 (403 for access beyond the caller's) {@code import_refused}
	 * with a per-row report, and then nothing is written. See docs/security-model.md for
	 * the columns and hash formats.
	 */
	@Operation(summary = "Import users from CSV (email, name, tier, roles, password_hash), all or nothing")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv"))
	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain" })
	@RequiresPermission(Permission.USERS_CREATE)
	ResponseEntity<ImportResponse> importUsers(jakarta.servlet.http.HttpServletRequest request)
			throws java.io.IOException {
		UserAdministration.ImportOutcome outcome = users.importUsers(UserImportCsv.read(request.getInputStream()));
		if (!outcome.refused().isEmpty()) {
			throw new ImportRefused(outcome.refused());
		}
		List<ImportedUser> imported = outcome.imported()
			.stream()
			.map(i -> new ImportedUser(i.row(), i.account().id().toString(), i.account().email(),
					i.account().status().name()))
			.toList();
		int invited = (int) outcome.imported().stream().filter(io.prax.identity.UserImport.Imported::invited).count();
		return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
			.body(new ImportResponse(imported.size(), invited, imported));
	}

	@Operation(summary = "Get a user")
	@GetMapping("/{id}")
	@RequiresPermission(Permission.USERS_VIEW)
	UserResponse get(@PathVariable UUID id) {
		return of(users.get(new UserId(id)));
	}

	@Operation(summary = "Change a user's name, tier, roles or designation")
	@PatchMapping("/{id}")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.USERS_EDIT)
	UserResponse update(@PathVariable UUID id, @RequestBody UserAdministration.Change change) {
		return of(users.update(new UserId(id), change));
	}

	/**
	 * Deactivates the user (records are never hard-deleted); their sessions end at once.
	 */
	@Operation(summary = "Deactivate a user and end their sessions")
	@DeleteMapping("/{id}")
	@RequiresPermission(Permission.USERS_DELETE)
	UserResponse deactivate(@PathVariable UUID id) {
		return of(users.deactivate(new UserId(id)));
	}

	@Operation(summary = "Send a user a password-reset mail")
	@PostMapping("/{id}/password-reset")
	@RequiresPermission(Permission.USERS_EDIT)
	ResponseEntity<Void> passwordReset(@PathVariable UUID id) {
		users.sendPasswordReset(new UserId(id));
		return ResponseEntity.accepted().build();
	}

}
