package io.prax.identity;

import java.util.List;
import java.util.Optional;

import io.prax.platform.SignedInOnly;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Me", description = "The signed-in user's own account")
@RestController
@RequestMapping("/api/v1/me")
class MeApiController {

	private final OwnPassword ownPassword;

	private final DesignationLookup designations;

	private final MfaManagement mfa;

	MeApiController(OwnPassword ownPassword, DesignationLookup designations, MfaManagement mfa) {
		this.ownPassword = ownPassword;
		this.mfa = mfa;
		this.designations = designations;
	}

	/**
	 * {@code designation} is the designation's name, {@code designationId} its id; both
	 * null without one.
	 */
	record Me(String id, String email, String name, String tier, List<String> roles, @Nullable String designation,
			@Nullable String designationId, String tenant, boolean mfaEnrolled) {
	}

	record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {
	}

	@Operation(summary = "Get the signed-in user")
	@GetMapping
	@SignedInOnly("one's own account")
	Me me() {
		CurrentUser user = CurrentUser.require();
		Optional<DesignationLookup.Designated> designation = designations.designationOf(user.id());
		return new Me(user.id().toString(), user.email(), user.name(), user.tier().name(), user.roles(),
				designation.map(DesignationLookup.Designated::name).orElse(null),
				designation.map(d -> d.id().toString()).orElse(null), user.tenantSlug(), mfa.enrolled(user.id()));
	}

	/** 204; every other session of the user ends. */
	@Operation(summary = "Change one's own password, confirming the current one")
	@PutMapping("/password")
	@SignedInOnly("one's own password, confirmed with the current one")
	ResponseEntity<Void> changePassword(@RequestBody PasswordChange body) {
		ownPassword.changeOwnPassword(body.currentPassword(), body.newPassword() == null ? "" : body.newPassword());
		return ResponseEntity.noContent().build();
	}

}
