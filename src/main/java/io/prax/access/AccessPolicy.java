package io.prax.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.prax.identity.CurrentUser;
import io.prax.identity.Tier;
import io.prax.platform.ProblemException;
import org.springframework.stereotype.Service;

/**
 * Effective permissions of a user. Default deny: a permission is held only when the tier or a role
 * grants it. ADMIN-tier users hold every permission; CUSTOMER-tier users may view their own customer
 * account only (the customer module confines the rows).
 */
@Service
public class AccessPolicy {

	public static final List<String> MODULES = List.of("customers", "contacts", "employees", "designations",
			"invoices", "payslips", "documents", "approvals", "audit", "sessions", "users", "settings", "export");
	public static final List<String> ACTIONS = List.of("view", "create", "edit", "delete", "export", "approve");
	private static final List<String> BUSINESS = List.of("customers", "contacts", "employees", "invoices",
			"payslips", "documents", "approvals");

	/** Default grants of the built-in employee roles. */
	static final Map<String, Set<String>> ROLE_GRANTS = Map.of(
			"ADMIN", grants(MODULES, ACTIONS),
			"MANAGER", grants(BUSINESS, ACTIONS),
			"REVIEWER", union(grants(BUSINESS, List.of("view")), grants(BUSINESS, List.of("approve"))),
			"OPERATOR", grants(List.of("customers", "contacts", "invoices", "documents"), List.of("view", "create", "edit")),
			"VIEWER", grants(BUSINESS, List.of("view")));

	public static final List<String> ROLE_NAMES = List.of("ADMIN", "MANAGER", "REVIEWER", "OPERATOR", "VIEWER");

	private static final Set<String> ALL = grants(MODULES, ACTIONS);
	private static final Set<String> CUSTOMER_PORTAL = Set.of("customers:view", "contacts:view");

	public Set<String> permissionsOf(CurrentUser user) {
		if (user.tier() == Tier.ADMIN) {
			return ALL;
		}
		if (user.tier() == Tier.CUSTOMER) {
			return CUSTOMER_PORTAL;
		}
		return user.roles().stream()
			.flatMap(role -> ROLE_GRANTS.getOrDefault(role, Set.of()).stream())
			.collect(Collectors.toCollection(java.util.TreeSet::new));
	}

	public boolean can(String permission) {
		return CurrentUser.current().map(user -> permissionsOf(user).contains(permission)).orElse(false);
	}

	/** Throws 403 {@code forbidden} unless the current user holds the permission. */
	public void require(String permission) {
		if (!can(permission)) {
			throw ProblemException.forbidden();
		}
	}

	private static Set<String> grants(List<String> modules, List<String> actions) {
		return modules.stream()
			.flatMap(module -> actions.stream().map(action -> module + ":" + action))
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		return Stream.concat(a.stream(), b.stream()).collect(Collectors.toCollection(LinkedHashSet::new));
	}
}
