package io.prax.access;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.prax.identity.UserAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/users")
class UserAdminApiController {

	private final UserAdministration users;

	UserAdminApiController(UserAdministration users) {
		this.users = users;
	}

	record UserResponse(String id, String email, String name, String tier, List<String> roles,
			@Nullable String customerId, String status) {

		static UserResponse of(UserAccount user) {
			return new UserResponse(user.id().toString(), user.email(), user.name(), user.tier().name(), user.roles(),
					user.customerId() == null ? null : user.customerId().toString(), user.status().name());
		}
	}

	record UserList(List<UserResponse> items, @Nullable String nextCursor) {
	}

	@GetMapping
	@RequiresPermission("users:view")
	UserList list() {
		return new UserList(users.list().stream().map(UserResponse::of).toList(), null);
	}

	@PostMapping
	@RequiresPermission("users:create")
	ResponseEntity<UserResponse> invite(@RequestBody UserAdministration.Invitation invitation) {
		UserResponse created = UserResponse.of(users.invite(invitation));
		return ResponseEntity.created(URI.create("/api/v1/admin/users/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@RequiresPermission("users:view")
	UserResponse get(@PathVariable UUID id) {
		return UserResponse.of(users.get(id));
	}

	@PostMapping("/{id}/password-reset")
	@RequiresPermission("users:edit")
	ResponseEntity<Void> passwordReset(@PathVariable UUID id) {
		users.sendPasswordReset(id);
		return ResponseEntity.accepted().build();
	}
}
