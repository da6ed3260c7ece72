package io.prax.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.prax.identity.CurrentUser;
import io.prax.platform.SignedInOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Me", description = "The signed-in user's own account")
@RestController
class PermissionsApiController {

	private final AccessPolicy access;

	PermissionsApiController(AccessPolicy access) {
		this.access = access;
	}

	record Permissions(List<String> permissions, Map<String, Map<String, Boolean>> modules) {
	}

	/** The caller's effective permissions, as a list and per module and action. */
	@Operation(summary = "List one's own effective permissions and module gates")
	@GetMapping("/api/v1/me/permissions")
	@SignedInOnly("one's own permissions")
	Permissions mine() {
		Set<String> granted = access.permissionsOf(CurrentUser.require());
		Map<String, Map<String, Boolean>> modules = new LinkedHashMap<>();
		PermissionCatalogue.ACTIONS.forEach((module, actions) -> {
			Map<String, Boolean> allowed = new LinkedHashMap<>();
			actions.forEach(action -> allowed.put(action, granted.contains(module + ":" + action)));
			modules.put(module, allowed);
		});
		return new Permissions(granted.stream().sorted().toList(), modules);
	}

}
