package io.prax.access;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.prax.identity.UserAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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

	record UserList(List<UserResponse> items, @Nullable String nextCursor) {
	}

	@GetMapping
	@RequiresPermission(Permission.USERS_VIEW)
	UserList list() {
		List<UserAdministration.ManagedUser> all = users.list();
		java.util.Set<io.prax.identity.UserId> enrolled = mfa.enrolledAmong(all.stream().map(u -> u.account().id()).toList());
		return new UserList(all.stream().map(u -> UserResponse.of(u, enrolled.contains(u.account().id()))).toList(), null);
	}

	@PostMapping
	@RequiresPermission(Permission.USERS_CREATE)
	ResponseEntity<UserResponse> invite(@RequestBody UserAdministration.Invitation invitation) {
		UserResponse created = of(users.invite(invitation));
		return ResponseEntity.created(URI.create("/api/v1/admin/users/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@RequiresPermission(Permission.USERS_VIEW)
	UserResponse get(@PathVariable UUID id) {
		return of(users.get(id));
	}

	@PatchMapping("/{id}")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.USERS_EDIT)
	UserResponse update(@PathVariable UUID id, @RequestBody UserAdministration.Change change) {
		return of(users.update(id, change));
	}

	/** Deactivates the user (records are never hard-deleted); their sessions end at once. */
	@DeleteMapping("/{id}")
	@RequiresPermission(Permission.USERS_DELETE)
	UserResponse deactivate(@PathVariable UUID id) {
		return of(users.deactivate(id));
	}

	@PostMapping("/{id}/password-reset")
	@RequiresPermission(Permission.USERS_EDIT)
	ResponseEntity<Void> passwordReset(@PathVariable UUID id) {
		users.sendPasswordReset(id);
		return ResponseEntity.accepted().build();
	}
}
