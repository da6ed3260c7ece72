package io.prax.identity;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
class MeApiController {

	private final IdentityManagement identity;

	MeApiController(IdentityManagement identity) {
		this.identity = identity;
	}

	record Me(String id, String email, String name, String tier, List<String> roles, @Nullable String designation,
			String tenant, boolean mfaEnrolled) {
	}

	record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {
	}

	@GetMapping
	Me me() {
		CurrentUser user = CurrentUser.require();
		return new Me(user.id().toString(), user.email(), user.name(), user.tier().name(), user.roles(), null,
				user.tenantSlug(), false);
	}

	/** 204; every other session of the user ends. */
	@PutMapping("/password")
	ResponseEntity<Void> changePassword(@RequestBody PasswordChange body) {
		identity.changeOwnPassword(body.currentPassword(), body.newPassword() == null ? "" : body.newPassword());
		return ResponseEntity.noContent().build();
	}
}
