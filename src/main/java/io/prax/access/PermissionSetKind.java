package io.prax.access;

import org.jspecify.annotations.Nullable;

/**
 * The two kinds of permission set: a role (many per user, beside the built-in roles) and
 * a designation (a job title, at most one per user). They differ only in what this says;
 * {@link PermissionSetAdministration} handles both through one code path.
 */
public enum PermissionSetKind {

	ROLE("Role", "roles", Permission.USERS_EDIT, Permission.USERS_EDIT, Permission.USERS_EDIT, AccessFacts.Scope.ROLE,
			"Use 2 to 50 letters, digits, spaces, dashes or underscores, starting with a letter"),

	DESIGNATION("Designation", "designations", Permission.DESIGNATIONS_CREATE, Permission.DESIGNATIONS_EDIT,
			Permission.DESIGNATIONS_DELETE, AccessFacts.Scope.DESIGNATION, "Enter a name (up to 100 characters)");

	private static final String ROLE_NAME = "^[A-Za-z][A-Za-z0-9 _-]{1,49}$";

	private final String title;

	private final String plural;

	private final Permission toCreate;

	private final Permission toEdit;

	private final Permission toDelete;

	private final AccessFacts.Scope gateScope;

	private final String nameRule;

	PermissionSetKind(String title, String plural, Permission toCreate, Permission toEdit, Permission toDelete,
			AccessFacts.Scope gateScope, String nameRule) {
		this.title = title;
		this.plural = plural;
		this.toCreate = toCreate;
		this.toEdit = toEdit;
		this.toDelete = toDelete;
		this.gateScope = gateScope;
		this.nameRule = nameRule;
	}

	/** "Role" or "Designation", as messages and problems name it. */
	String title() {
		return title;
	}

	/** The path segment of the pages and the API: "roles" or "designations". */
	String plural() {
		return plural;
	}

	Permission toCreate() {
		return toCreate;
	}

	Permission toEdit() {
		return toEdit;
	}

	Permission toDelete() {
		return toDelete;
	}

	AccessFacts.Scope gateScope() {
		return gateScope;
	}

	/** Why a stripped name cannot name a set of this kind, or null when it can. */
	@Nullable String nameProblem(@Nullable String name) {
		if (name == null || name.length() > (this == ROLE ? 50 : 100) || (this == ROLE && !name.matches(ROLE_NAME))) {
			return nameRule;
		}
		if (this == ROLE && PermissionCatalogue.isBuiltInRole(name)) {
			return "This is the name of a built-in role";
		}
		return null;
	}

}
