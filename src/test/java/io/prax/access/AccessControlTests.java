package io.prax.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * F8 and F9 end to end: permissions from roles, designations, overrides and gates, in API
 * and pages.
 */
@PraxIntegrationTest
class AccessControlTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	Api api;

	TestTenant tenant;

	String admin;

	@BeforeEach
	void tenantWithAdmin() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
	}

	@Test
	void aNewUserWithoutGrantsSeesNoModulesAndNothingLeaks() {
		api.post("/api/v1/customers", Map.of("name", "Hidden Customer"), admin);
		String nobody = signIn(Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of(), null));

		assertThat(api.get("/api/v1/customers", nobody).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/customers?q=Hidden", nobody).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/me/permissions", nobody).json().get("permissions")).isEmpty();
		var dashboard = api.page("/", nobody);
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.body()).doesNotContain("href=\"/customers\"")
			.doesNotContain("Hidden Customer")
			.doesNotContain("Recent security events")
			.contains("Nothing to show yet");
		assertThat(api.page("/", admin).body()).contains("Recent security events").contains("auth.sign_in");
		assertThat(api.page("/customers", nobody).status()).isEqualTo(403);
	}

	@Test
	void showsOnlyTheButtonsTheUserMayUse() {
		String id = api.post("/api/v1/customers", Map.of("name", "Shown Customer"), admin).text("id");
		String viewer = signIn(Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null));

		var list = api.page("/customers", viewer).body();
		var detail = api.page("/customers/" + id, viewer).body();
		var adminDetail = api.page("/customers/" + id, admin).body();

		assertThat(list).contains("Shown Customer").doesNotContain("/customers/new");
		assertThat(detail).doesNotContain("/customers/" + id + "/edit").doesNotContain("/customers/" + id + "/delete");
		assertThat(adminDetail).contains("/customers/" + id + "/edit").contains("/customers/" + id + "/delete");
		assertThat(api.page("/customers/new", viewer).status()).isEqualTo(403);
	}

	@Test
	void aSwitchedOffModuleAnswersFeatureDisabledEvenForAnAdminRoleEmployee() {
		String adminRole = signIn(Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("ADMIN"), null));
		assertThat(api.get("/api/v1/customers", adminRole).status()).isEqualTo(200);

		gates(Map.of("modules", Map.of("customers", Map.of("enabled", false))));

		var gated = api.get("/api/v1/customers", adminRole);
		assertThat(gated.status()).isEqualTo(403);
		assertThat(gated.code()).isEqualTo("feature_disabled");
		assertThat(api.get("/api/v1/customers", admin).code()).isEqualTo("feature_disabled");
		assertThat(api.page("/", adminRole).body()).doesNotContain("href=\"/customers\"");
		assertThat(api.get("/api/v1/admin/feature-gates", admin)
			.json()
			.get("modules")
			.get("customers")
			.get("enabled")
			.asBoolean()).isFalse();
	}

	@Test
	void aSwitchedOffActionHidesItsButtonAndRefusesTheCall() {
		String id = api.post("/api/v1/customers", Map.of("name", "Undeletable"), admin).text("id");
		String manager = signIn(Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("MANAGER"), null));

		gates(Map.of("restrictions", List.of(Map.of("module", "customers", "action", "delete", "role", "MANAGER"))));

		var delete = api.delete("/api/v1/customers/" + id, Map.of("reason", "try"), manager);
		assertThat(delete.code()).isEqualTo("feature_disabled");
		assertThat(api.page("/customers/" + id, manager).body()).doesNotContain("/customers/" + id + "/delete");
		assertThat(api.get("/api/v1/customers/" + id, manager).status()).isEqualTo(200);
		assertThat(api.delete("/api/v1/customers/" + id, Map.of("reason", "admin may"), admin).status()).isEqualTo(204);
	}

	@Test
	void explainsGrantsAndDenials() {
		String designation = api
			.post("/api/v1/admin/designations",
					Map.of("name", "Accountant", "permissions", List.of("invoices:view", "invoices:issue")), admin)
			.text("id");
		UserAccount user = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("OPERATOR"), null);
		String userId = user.id().toString();
		api.patch("/api/v1/admin/users/" + userId, Map.of("designationId", designation), admin);
		api.send("PUT", "/api/v1/admin/users/" + userId + "/overrides",
				Map.of("grants", List.of("payslips:view"), "revocations", List.of("customers:edit")), admin);
		gates(Map.of("modules", Map.of("documents", Map.of("actions", Map.of("create", false)))));

		assertThat(explain(userId, "customers:view")).contains("role OPERATOR grants it");
		assertThat(explain(userId, "invoices:issue")).contains("designation Accountant grants it");
		assertThat(explain(userId, "payslips:view")).contains("user override grants it");
		assertThat(explain(userId, "customers:edit")).contains("user override revokes it");
		assertThat(explain(userId, "documents:create")).contains("feature gate: documents:create is switched off");
		assertThat(String.join(" ", explain(userId, "employees:delete"))).contains("default deny");
		var revoked = api.get("/api/v1/admin/users/" + userId + "/permissions/explain?permission=customers:edit",
				admin);
		assertThat(revoked.json().get("granted").asBoolean()).isFalse();
		assertThat(api.get("/api/v1/admin/users/" + userId + "/permissions/explain?permission=nope:x", admin).status())
			.isEqualTo(400);
	}

	@Test
	void managesCustomRolesAndKeepsBuiltInRolesFixed() {
		var created = api.post("/api/v1/admin/roles",
				Map.of("name", "Sales", "permissions", List.of("customers:view", "customers:create")), admin);
		assertThat(created.status()).isEqualTo(201);
		String roleId = created.text("id");
		String sales = signIn(Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("Sales"), null));
		assertThat(api.post("/api/v1/customers", Map.of("name", "Lead"), sales).status()).isEqualTo(201);

		api.send("PUT", "/api/v1/admin/roles/" + roleId, Map.of("permissions", List.of("customers:view")), admin);
		assertThat(api.post("/api/v1/customers", Map.of("name", "Lead 2"), sales).status()).isEqualTo(403);

		assertThat(api.send("PUT", "/api/v1/admin/roles/MANAGER", Map.of("permissions", List.of()), admin).code())
			.isEqualTo("built_in_role");
		assertThat(
				api.post("/api/v1/admin/roles", Map.of("name", "Bad", "permissions", List.of("customers:fly")), admin)
					.status())
			.isEqualTo(400);
		assertThat(api.get("/api/v1/admin/roles", admin).body()).contains("MANAGER").contains("Sales");
		assertThat(api.delete("/api/v1/admin/roles/" + roleId, Map.of("reason", "reorganised"), admin).status())
			.isEqualTo(204);
		assertThat(api.get("/api/v1/customers", sales).status()).isEqualTo(403);
	}

	@Test
	void showsACustomerWithoutItsContactsToSomeoneWhoMayNotSeeContacts() {
		String id = api.post("/api/v1/customers", Map.of("name", "Private Contacts Ltd"), admin).text("id");
		api.post("/api/v1/customers/" + id + "/contacts", Map.of("name", "Secret Person"), admin);
		api.post("/api/v1/admin/roles", Map.of("name", "Accounts only", "permissions", List.of("customers:view")),
				admin);
		String limited = signIn(Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("Accounts only"), null));

		var page = api.page("/customers/" + id, limited);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Private Contacts Ltd").doesNotContain("Secret Person");
		assertThat(api.get("/api/v1/customers/" + id + "/contacts", limited).status()).isEqualTo(403);
	}

	@Test
	void showsAdministrationPagesReadOnlyToThoseWhoMayOnlyView() {
		api.post("/api/v1/admin/roles",
				Map.of("name", "Auditor", "permissions", List.of("users:view", "designations:view", "settings:view")),
				admin);
		String auditor = signIn(Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("Auditor"), null));
		String adminId = tenant.admin().id().toString();

		String users = api.page("/admin/users", auditor).body();
		String user = api.page("/admin/users/" + adminId, auditor).body();
		String roles = api.page("/admin/roles", auditor).body();
		String gates = api.page("/admin/feature-gates", auditor).body();

		assertThat(users).contains(tenant.adminEmail()).doesNotContain("Send invitation");
		assertThat(user).doesNotContain("/deactivate")
			.doesNotContain("/unlock")
			.doesNotContain("Save user")
			.doesNotContain("Save overrides")
			.doesNotContain("revoke-all");
		assertThat(roles).doesNotContain("Create role");
		assertThat(gates).doesNotContain("Save feature gates").doesNotContain("Add restriction");
		assertThat(api.page("/admin/users/" + adminId, admin).body()).contains("/deactivate").contains("Save user");
	}

	@Test
	void employeesCannotAdministerAccess() {
		String manager = signIn(Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("MANAGER"), null));

		assertThat(api.post("/api/v1/admin/roles", Map.of("name", "Mine", "permissions", List.of()), manager).status())
			.isEqualTo(403);
		assertThat(api.send("PUT", "/api/v1/admin/feature-gates", Map.of("modules", Map.of()), manager).status())
			.isEqualTo(403);
		assertThat(api.get("/api/v1/designations", manager).status()).isEqualTo(200);
	}

	@Test
	void deactivatingAUserEndsTheirSessions() {
		UserAccount user = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		String token = signIn(user);

		assertThat(api.delete("/api/v1/admin/users/" + user.id(), null, admin).text("status")).isEqualTo("DEACTIVATED");

		assertThat(api.get("/api/v1/customers", token).code()).isEqualTo("session_revoked");
		assertThat(api
			.post("/api/v1/auth/login",
					Map.of("tenant", tenant.slug(), "email", user.email(), "password", Tenants.PASSWORD), null)
			.status()).isEqualTo(401);
	}

	/**
	 * Property over random access set-ups (roles, custom role, designation, overrides,
	 * gates): for every customer and contact action the API refuses with 403 exactly when
	 * the user's effective permissions (as the product computes them) lack it.
	 */
	@Test
	void answers403ExactlyWhenTheEffectivePermissionsLackIt() {
		var setups = EffectivePermissionsTests.facts(Tier.EMPLOYEE).sampleStream().limit(12).toList();
		for (AccessFacts facts : setups) {
			checkEnforcement(facts);
		}
	}

	private void checkEnforcement(AccessFacts facts) {
		TestTenant t = Tenants.newTenant(onboarding);
		String adminToken = api.login(t.slug(), t.adminEmail(), Tenants.PASSWORD).access();
		Map<String, String> fixture = new LinkedHashMap<>();
		for (String name : List.of("keep", "delete", "contacts")) {
			fixture.put(name, api.post("/api/v1/customers", Map.of("name", name), adminToken).text("id"));
		}
		String contactsOf = fixture.get("contacts");
		String contact = api.post("/api/v1/customers/" + contactsOf + "/contacts", Map.of("name", "C"), adminToken)
			.text("id");
		String doomedContact = api
			.post("/api/v1/customers/" + contactsOf + "/contacts", Map.of("name", "D"), adminToken)
			.text("id");

		List<String> roleNames = new ArrayList<>();
		facts.roles().forEach((name, grants) -> {
			if (name.equals("Custom")) {
				api.post("/api/v1/admin/roles", Map.of("name", "Custom", "permissions", List.copyOf(grants)),
						adminToken);
			}
			roleNames.add(name);
		});
		UserAccount user = Tenants.newUser(identity, t, Tier.EMPLOYEE, roleNames, null);
		String userId = user.id().toString();
		if (facts.designation() != null) {
			String designation = api
				.post("/api/v1/admin/designations",
						Map.of("name", "Accountant", "permissions", List.copyOf(facts.designation().permissions())),
						adminToken)
				.text("id");
			api.patch("/api/v1/admin/users/" + userId, Map.of("designationId", designation), adminToken);
			facts = withDesignationId(facts, designation);
		}
		api.send("PUT", "/api/v1/admin/users/" + userId + "/overrides",
				Map.of("grants", List.copyOf(facts.granted()), "revocations", List.copyOf(facts.revoked())),
				adminToken);
		List<Map<String, Object>> restrictions = new ArrayList<>();
		Map<String, Object> modules = new LinkedHashMap<>();
		for (AccessFacts.Gate gate : facts.gates()) {
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("module", gate.module());
			r.put("action", gate.action());
			switch (gate.scope()) {
				case ALL -> {
					if (gate.action() == null) {
						modules.put(gate.module(), Map.of("enabled", false));
					}
					else {
						modules.merge(gate.module(), Map.of("actions", Map.of(gate.action(), false)), (a, b) -> a);
					}
				}
				case ROLE -> {
					r.put("role", gate.ref());
					restrictions.add(r);
				}
				case DESIGNATION -> {
					if (facts.designation() != null) {
						r.put("designationId", facts.designation().id().toString());
						restrictions.add(r);
					}
				}
			}
		}
		var gateAnswer = api.send("PUT", "/api/v1/admin/feature-gates",
				Map.of("modules", modules, "restrictions", restrictions), adminToken);
		assertThat(gateAnswer.status()).as(gateAnswer.body()).isEqualTo(200);

		List<String> effective = new ArrayList<>();
		api.get("/api/v1/admin/users/" + userId + "/permissions", adminToken)
			.json()
			.get("permissions")
			.forEach(p -> effective.add(p.asString()));
		String token = signIn(user);
		long keepVersion = 0;
		Map<String, Api.Response> calls = new LinkedHashMap<>();
		calls.put("customers:view", api.get("/api/v1/customers", token));
		calls.put("customers:create", api.post("/api/v1/customers", Map.of("name", "new"), token));
		calls.put("customers:edit", api.patch("/api/v1/customers/" + fixture.get("keep"),
				Map.of("phone", "1", "version", keepVersion), token));
		calls.put("customers:delete",
				api.delete("/api/v1/customers/" + fixture.get("delete"), Map.of("reason", "r"), token));
		calls.put("contacts:view", api.get("/api/v1/customers/" + contactsOf + "/contacts", token));
		calls.put("contacts:create",
				api.post("/api/v1/customers/" + contactsOf + "/contacts", Map.of("name", "n"), token));
		calls.put("contacts:edit", api.patch("/api/v1/customers/" + contactsOf + "/contacts/" + contact,
				Map.of("phone", "1", "version", 0), token));
		calls.put("contacts:delete", api.delete("/api/v1/customers/" + contactsOf + "/contacts/" + doomedContact,
				Map.of("reason", "r"), token));
		AccessFacts expectedFacts = facts;
		calls.forEach((permission, response) -> {
			boolean expected = EffectivePermissions.decide(expectedFacts, permission).granted();
			assertThat(effective.contains(permission)).as("product computes %s for %s", permission, expectedFacts)
				.isEqualTo(expected);
			assertThat(response.status() == 403)
				.as("%s answered %s for %s", permission, response.status(), expectedFacts)
				.isEqualTo(!expected);
		});
	}

	private static AccessFacts withDesignationId(AccessFacts facts, String designationId) {
		UUID id = UUID.fromString(designationId);
		List<AccessFacts.Gate> gates = facts.gates()
			.stream()
			.map(g -> g.scope() == AccessFacts.Scope.DESIGNATION
					? new AccessFacts.Gate(g.module(), g.action(), g.scope(), designationId) : g)
			.toList();
		return new AccessFacts(facts.tier(), facts.roles(),
				new AccessFacts.Designation(id, facts.designation().name(), facts.designation().permissions()),
				facts.granted(), facts.revoked(), gates);
	}

	private List<String> explain(String userId, String permission) {
		List<String> because = new ArrayList<>();
		api.get("/api/v1/admin/users/" + userId + "/permissions/explain?permission=" + permission, admin)
			.json()
			.get("because")
			.forEach(reason -> because.add(reason.asString()));
		return because;
	}

	private void gates(Map<String, Object> body) {
		var answer = api.send("PUT", "/api/v1/admin/feature-gates", body, admin);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
	}

	private String signIn(UserAccount user) {
		return api.login(tenant(user), user.email(), Tenants.PASSWORD).access();
	}

	private String tenant(UserAccount user) {
		return user.email().substring(user.email().indexOf('@') + 1).replace(".example", "");
	}

}
