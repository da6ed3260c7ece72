package io.prax.identity;

import java.net.URI;

import io.prax.platform.PraxProperties;
import io.prax.platform.ProblemException;
import io.prax.platform.PublicEndpoint;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Sign-up", description = "Self sign-up of a new workspace (when enabled)")
@RestController
class SignupApiController {

	private final Onboarding onboarding;

	private final PraxProperties properties;

	SignupApiController(Onboarding onboarding, PraxProperties properties) {
		this.onboarding = onboarding;
		this.properties = properties;
	}

	record SignupRequest(@Nullable String tenantSlug, @Nullable String tenantName, @Nullable String region,
			@Nullable String adminEmail, @Nullable String adminName, @Nullable String adminPassword) {
	}

	record SignupResponse(String tenantId, String tenant, String adminUserId) {
	}

	/** 201 with the new tenant; 404 unless sign-up is enabled. */
	@Operation(summary = "Create a workspace and its first administrator")
	@PostMapping("/api/v1/signup")
	@PublicEndpoint("self sign-up of a new workspace, when enabled")
	ResponseEntity<SignupResponse> signup(@RequestBody SignupRequest body) {
		if (!properties.signupEnabled()) {
			throw ProblemException.notFound("Page");
		}
		var created = onboarding.onboard(new Onboarding.NewTenant(nz(body.tenantSlug()), nz(body.tenantName()),
				body.region() == null ? "US" : body.region(), nz(body.adminEmail()), nz(body.adminName()),
				nz(body.adminPassword())));
		return ResponseEntity.created(URI.create("/api/v1/admin/users/" + created.admin().id()))
			.body(new SignupResponse(created.tenant().id().toString(), created.tenant().slug(),
					created.admin().id().toString()));
	}

	private static String nz(@Nullable String value) {
		return value == null ? "" : value;
	}

}
