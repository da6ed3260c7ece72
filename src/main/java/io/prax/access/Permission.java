package io.prax.access;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every permission Prax knows, typed:
 * {@code @RequiresPermission(Permission.CUSTOMERS_VIEW)} instead of a string a typo could
 * turn into a check that never passes. Declaration order is the catalogue's display
 * order; {@link PermissionCatalogue} is built from it.
 */
public enum Permission {

	CUSTOMERS_VIEW("customers", "view"), CUSTOMERS_CREATE("customers", "create"), CUSTOMERS_EDIT("customers", "edit"),
	CUSTOMERS_DELETE("customers", "delete"), CUSTOMERS_EXPORT("customers", "export"),
	CUSTOMERS_APPROVE("customers", "approve"), CONTACTS_VIEW("contacts", "view"), CONTACTS_CREATE("contacts", "create"),
	CONTACTS_EDIT("contacts", "edit"), CONTACTS_DELETE("contacts", "delete"), CONTACTS_EXPORT("contacts", "export"),
	CONTACTS_APPROVE("contacts", "approve"), EMPLOYEES_VIEW("employees", "view"),
	EMPLOYEES_CREATE("employees", "create"), EMPLOYEES_EDIT("employees", "edit"),
	EMPLOYEES_DELETE("employees", "delete"), EMPLOYEES_EXPORT("employees", "export"),
	EMPLOYEES_APPROVE("employees", "approve"), INVOICES_VIEW("invoices", "view"), INVOICES_CREATE("invoices", "create"),
	INVOICES_EDIT("invoices", "edit"), INVOICES_DELETE("invoices", "delete"), INVOICES_EXPORT("invoices", "export"),
	INVOICES_APPROVE("invoices", "approve"), INVOICES_ISSUE("invoices", "issue"), INVOICES_VOID("invoices", "void"),
	PAYSLIPS_VIEW("payslips", "view"), PAYSLIPS_CREATE("payslips", "create"), PAYSLIPS_EDIT("payslips", "edit"),
	PAYSLIPS_DELETE("payslips", "delete"), PAYSLIPS_EXPORT("payslips", "export"),
	PAYSLIPS_APPROVE("payslips", "approve"), PAYSLIPS_FINALIZE("payslips", "finalize"),
	DOCUMENTS_VIEW("documents", "view"), DOCUMENTS_CREATE("documents", "create"), DOCUMENTS_EDIT("documents", "edit"),
	DOCUMENTS_DELETE("documents", "delete"), DOCUMENTS_EXPORT("documents", "export"),
	DOCUMENTS_APPROVE("documents", "approve"), APPROVALS_VIEW("approvals", "view"),
	APPROVALS_CREATE("approvals", "create"), APPROVALS_EDIT("approvals", "edit"),
	APPROVALS_DELETE("approvals", "delete"), APPROVALS_EXPORT("approvals", "export"),
	APPROVALS_APPROVE("approvals", "approve"), DESIGNATIONS_VIEW("designations", "view"),
	DESIGNATIONS_CREATE("designations", "create"), DESIGNATIONS_EDIT("designations", "edit"),
	DESIGNATIONS_DELETE("designations", "delete"), USERS_VIEW("users", "view"), USERS_CREATE("users", "create"),
	USERS_EDIT("users", "edit"), USERS_DELETE("users", "delete"), SESSIONS_VIEW("sessions", "view"),
	SESSIONS_DELETE("sessions", "delete"), AUDIT_VIEW("audit", "view"), AUDIT_EXPORT("audit", "export"),
	SETTINGS_VIEW("settings", "view"), SETTINGS_EDIT("settings", "edit"), EXPORT_VIEW("export", "view"),
	EXPORT_EXPORT("export", "export");

	private static final Map<String, Permission> BY_KEY = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(Permission::key, Function.identity()));

	private final String module;

	private final String action;

	Permission(String module, String action) {
		this.module = module;
		this.action = action;
	}

	public String module() {
		return module;
	}

	public String action() {
		return action;
	}

	/**
	 * The {@code module:action} form stored in roles, designations and overrides and
	 * shown in the API.
	 */
	public String key() {
		return module + ":" + action;
	}

	public static Optional<Permission> of(String key) {
		return Optional.ofNullable(BY_KEY.get(key));
	}

	@Override
	public String toString() {
		return key();
	}

}
