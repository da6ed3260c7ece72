package io.prax.access;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's feature gates over the API. */
@Tag(name = "Access", description = "Roles, designations, per-user overrides and feature gates")
@RestController
class FeatureGateAdminApiController {

	private final FeatureGateAdministration gates;

	FeatureGateAdminApiController(FeatureGateAdministration gates) {
		this.gates = gates;
	}

	record GatesRequest(@Nullable Map<String, FeatureGateAdministration.ModuleGate> modules,
			@Nullable List<FeatureGateAdministration.Restriction> restrictions) {
	}

	@Operation(summary = "Get the workspace's feature gates")
	@GetMapping("/api/v1/admin/feature-gates")
	@RequiresPermission(Permission.SETTINGS_VIEW)
	FeatureGateAdministration.Gates gates() {
		return gates.gates();
	}

	@Operation(summary = "Set the workspace's feature gates")
	@PutMapping("/api/v1/admin/feature-gates")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.SETTINGS_EDIT)
	FeatureGateAdministration.Gates setGates(@RequestBody GatesRequest body) {
		return gates.setGates(body.modules(), body.restrictions());
	}

}
