package io.prax.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.prax.identity.UserDirectory;
import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, item 1 through the API: nobody grants what they do not hold, only an
 * administrator makes an administrator, nobody edits their own access, the last
 * administrator stays, and renaming a role keeps its restrictions. Every refusal leaves
 * the data as it was.
 */
@PraxIntegrationTest
class EscalationTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Autowired
	UserDirectory directory;

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
	void aUserEditorCannotMakeThemselvesOrOthersAdministrators() {
		UserAccount editor = userWithRole("Editors", List.of("users:view", "users:edit"));
		String token = signIn(editor);
		UserAccount colleague = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of(), null);

		var own = api.patch("/api/v1/admin/users/" + editor.id(), Map.of("tier", "ADMIN"), token);
		var other = api.patch("/api/v1/admin/users/" + colleague.id(), Map.of("tier", "ADMIN"), token);
		var adminRole = api.patch("/api/v1/admin/users/" + colleague.id(), Map.of("roles", List.of("ADMIN")), token);
		var managerRole = api.patch("/api/v1/admin/users/" + colleague.id(), Map.of("roles", List.of("MANAGER")),
				token);

		assertThat(own.status()).isEqualTo(403);
		assertThat(own.code()).isEqualTo("own_access");
		assertThat(other.status()).isEqualTo(403);
		assertThat(other.code()).isEqualTo("cannot_grant");
		assertThat(adminRole.code()).isEqualTo("cannot_grant");
		assertThat(managerRole.code()).isEqualTo("cannot_grant");
		assertThat(managerRole.json().get("permissions").toString()).contains("customers:delete");
		assertThat(tierOf(editor)).isEqualTo("EMPLOYEE");
		assertThat(tierOf(colleague)).isEqualTo("EMPLOYEE");
		assertThat(api.get("/api/v1/admin/users/" + colleague.id(), admin).json().get("roles")).isEmpty();
		assertThat(api.patch("/api/v1/admin/users/" + colleague.id(), Map.of("name", "Renamed"), token).status())
			.isEqualTo(200);
	}

	@Test
	void aUserCreatorCannotInviteAnAdministratorOrARoleBeyondTheirs() {
		String token = signIn(userWithRole("Recruiters", List.of("users:view", "users:create", "customers:view")));
		String email = "hire-" + UUID.randomUUID().toString().substring(0, 6) + "@" + tenant.slug() + ".example";

		var asAdmin = api.post("/api/v1/admin/users", Map.of("email", email, "name", "Hire", "tier", "ADMIN"), token);
		var withAdminRole = api.post("/api/v1/admin/users",
				Map.of("email", email, "name", "Hire", "tier", "EMPLOYEE", "roles", List.of("ADMIN")), token);
		var withViewer = api.post("/api/v1/admin/users",
				Map.of("email", email, "name", "Hire", "tier", "EMPLOYEE", "roles", List.of("VIEWER")), token);

		assertThat(asAdmin.status()).isEqualTo(403);
		assertThat(asAdmin.code()).isEqualTo("cannot_grant");
		assertThat(withAdminRole.code()).isEqualTo("cannot_grant");
		assertThat(withViewer.code()).isEqualTo("cannot_grant");
		assertThat(withViewer.json().get("permissions").toString()).contains("invoices:view")
			.doesNotContain("customers:view");
		assertThat(api.get("/api/v1/admin/users", admin).body()).doesNotContain(email);
		var page = api.page("/admin/users", token).body();
		assertThat(page).doesNotContain("<option value=\"ADMIN\"").doesNotContain("<option value=\"VIEWER\"");
	}

	@Test
	void aDesignationEditorCannotRaiseTheirOwnDesignation() {
		String designation = api
			.post("/api/v1/admin/designations",
					Map.of("name", "Office manager", "permissions", List.of("designations:view", "designations:edit")),
					admin)
			.text("id");
		UserAccount manager = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of(), null);
		api.patch("/api/v1/admin/users/" + manager.id(), Map.of("designationId", designation), admin);
		String token = signIn(manager);

		var raise = api.send("PUT", "/api/v1/admin/designations/" + designation,
				Map.of("permissions", List.of("designations:view", "designations:edit", "users:edit", "settings:edit")),
				token);

		assertThat(raise.status()).isEqualTo(403);
		assertThat(raise.code()).isEqualTo("cannot_grant");
		assertThat(raise.json().get("permissions").toString()).contains("users:edit").contains("settings:edit");
		assertThat(api.get("/api/v1/admin/designations/" + designation, admin).json().get("permissions").toString())
			.doesNotContain("users:edit");
		assertThat(api.get("/api/v1/me/permissions", token).json().get("permissions").toString())
			.doesNotContain("users:edit");
	}

	@Test
	void aRoleEditorCannotRaiseTheirOwnRoleNorDefineOneBeyondTheirs() {
		String role = api
			.post("/api/v1/admin/roles",
					Map.of("name", "People admin", "permissions", List.of("users:view", "users:edit")), admin)
			.text("id");
		UserAccount peopleAdmin = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("People admin"), null);
		String token = signIn(peopleAdmin);

		var raise = api.send("PUT", "/api/v1/admin/roles/" + role,
				Map.of("permissions", List.of("users:view", "users:edit", "settings:edit")), token);
		assertThat(raise.status()).isEqualTo(403);
		assertThat(raise.code()).isEqualTo("cannot_grant");
		assertThat(raise.json().get("permissions").toString()).contains("settings:edit");
		var beyond = api.post("/api/v1/admin/roles",
				Map.of("name", "Invoice cleaner", "permissions", List.of("invoices:view", "invoices:delete")), token);
		assertThat(beyond.status()).isEqualTo(403);
		assertThat(beyond.code()).isEqualTo("cannot_grant");

		assertThat(api.get("/api/v1/admin/roles/" + role, admin).json().get("permissions").toString())
			.doesNotContain("settings:edit");
		assertThat(api.get("/api/v1/me/permissions", token).json().get("permissions").toString())
			.doesNotContain("settings:edit");
	}

	@Test
	void deletingTheirOwnRestrictedDesignationWouldRaiseTheActorAndIsRefused() {
		String designation = api
			.post("/api/v1/admin/designations", Map.of("name", "Clerk", "permissions", List.of("designations:delete")),
					admin)
			.text("id");
		UserAccount clerk = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("MANAGER"), null);
		api.patch("/api/v1/admin/users/" + clerk.id(), Map.of("designationId", designation), admin);
		gates(Map.of("restrictions",
				List.of(Map.of("module", "customers", "action", "delete", "designationId", designation))));
		String token = signIn(clerk);

		var delete = api.delete("/api/v1/admin/designations/" + designation, Map.of("reason", "lift it"), token);

		assertThat(delete.status()).isEqualTo(403);
		assertThat(delete.code()).isEqualTo("own_access");
		assertThat(api.get("/api/v1/admin/designations/" + designation, admin).status()).isEqualTo(200);
	}

	@Test
	void nobodyPutsOverridesOnThemselvesNorGrantsBeyondTheirOwn() {
		UserAccount editor = userWithRole("Editors", List.of("users:view", "users:edit", "customers:view"));
		String token = signIn(editor);
		UserAccount colleague = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		api.send("PUT", "/api/v1/admin/users/" + colleague.id() + "/overrides",
				Map.of("grants", List.of(), "revocations", List.of("invoices:view")), admin);

		var own = api.send("PUT", "/api/v1/admin/users/" + editor.id() + "/overrides",
				Map.of("grants", List.of("customers:view"), "revocations", List.of()), token);
		var beyond = api.send("PUT", "/api/v1/admin/users/" + colleague.id() + "/overrides",
				Map.of("grants", List.of("invoices:delete"), "revocations", List.of("invoices:view")), token);
		var lifting = api.send("PUT", "/api/v1/admin/users/" + colleague.id() + "/overrides",
				Map.of("grants", List.of(), "revocations", List.of()), token);
		var held = api.send("PUT", "/api/v1/admin/users/" + colleague.id() + "/overrides",
				Map.of("grants", List.of("customers:view"), "revocations", List.of("invoices:view")), token);

		assertThat(own.status()).isEqualTo(403);
		assertThat(own.code()).isEqualTo("own_access");
		assertThat(beyond.code()).isEqualTo("cannot_grant");
		assertThat(beyond.json().get("permissions").toString()).isEqualTo("[\"invoices:delete\"]");
		assertThat(lifting.code()).isEqualTo("cannot_grant");
		assertThat(lifting.json().get("permissions").toString()).isEqualTo("[\"invoices:view\"]");
		assertThat(held.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/admin/users/" + editor.id() + "/overrides", admin).json().get("grants")).isEmpty();
	}

	@Test
	void theAdminPagesOfferOnlyWhatTheActorMayGive() {
		UserAccount editor = userWithRole("Editors", List.of("users:view", "users:edit", "customers:view"));
		String token = signIn(editor);
		UserAccount colleague = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of(), null);
		String roleId = api.get("/api/v1/admin/roles", admin)
			.json()
			.get("items")
			.valueStream()
			.filter(r -> r.get("name").asString().equals("Editors"))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asString();

		String other = api.page("/admin/users/" + colleague.id(), token).body();
		String own = api.page("/admin/users/" + editor.id(), token).body();
		String role = api.page("/admin/roles/" + roleId, token).body();
		String asAdmin = api.page("/admin/users/" + colleague.id(), admin).body();

		assertThat(other).containsPattern("<option value=\"ADMIN\"[^>]*disabled")
			.containsPattern("name=\"roles\"[^>]*value=\"ADMIN\"[^>]*disabled")
			.containsPattern("name=\"roles\"[^>]*value=\"MANAGER\"[^>]*disabled")
			.doesNotContainPattern("name=\"roles\"[^>]*value=\"Editors\"[^>]*disabled")
			.contains("Save overrides");
		assertThat(own).contains("This is you").doesNotContain("Save overrides");
		assertThat(role).containsPattern("value=\"invoices:delete\"[^>]*disabled")
			.doesNotContainPattern("value=\"customers:view\"[^>]*disabled");
		assertThat(asAdmin).doesNotContainPattern("<option value=\"ADMIN\"[^>]*disabled");
	}

	@Test
	void theLastActiveAdministratorCannotBeDemotedOrDeactivated() {
		String adminId = tenant.admin().id().toString();

		var demote = api.patch("/api/v1/admin/users/" + adminId, Map.of("tier", "EMPLOYEE"), admin);
		var deactivate = api.delete("/api/v1/admin/users/" + adminId, null, admin);

		assertThat(demote.status()).isEqualTo(409);
		assertThat(demote.code()).isEqualTo("last_admin");
		assertThat(deactivate.status()).isEqualTo(409);
		assertThat(deactivate.code()).isEqualTo("last_admin");
		assertThat(tierOf(tenant.admin())).isEqualTo("ADMIN");
	}

	/**
	 * Eight administrators deactivate each other at once, in a ring: the workspace keeps
	 * one.
	 */
	@Test
	void administratorsDeactivatingEachOtherAtOnceLeaveOneActive() throws Exception {
		List<UserAccount> admins = new ArrayList<>(List.of(tenant.admin()));
		for (int i = 1; i < 8; i++) {
			admins.add(Tenants.newUser(identity, tenant, Tier.ADMIN, List.of(), null));
		}
		List<String> tokens = admins.stream().map(this::signIn).toList();
		ExecutorService pool = Executors.newFixedThreadPool(admins.size());
		try {
			List<Future<Api.Response>> answers = new ArrayList<>();
			for (int i = 0; i < admins.size(); i++) {
				String target = admins.get((i + 1) % admins.size()).id().toString();
				String token = tokens.get(i);
				answers.add(pool.submit(() -> api.delete("/api/v1/admin/users/" + target, null, token)));
			}
			for (Future<Api.Response> answer : answers) {
				assertThat(answer.get(30, TimeUnit.SECONDS).status()).isIn(200, 401, 409);
			}
		}
		finally {
			pool.shutdownNow();
		}
		long active = admins.stream().filter(a -> statusOf(a).equals("ACTIVE")).count();
		assertThat(active).isGreaterThanOrEqualTo(1);
	}

	@Test
	void renamingARoleKeepsItsRestrictions() {
		String customer = api.post("/api/v1/customers", Map.of("name", "Keep me"), admin).text("id");
		var role = api.post("/api/v1/admin/roles",
				Map.of("name", "Sales", "permissions", List.of("customers:view", "customers:delete")), admin);
		UserAccount seller = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("Sales"), null);
		gates(Map.of("restrictions", List.of(Map.of("module", "customers", "action", "delete", "role", "Sales"))));

		var renamed = api.send("PUT", "/api/v1/admin/roles/" + role.text("id"), Map.of("name", "Sales team"), admin);
		assertThat(renamed.status()).isEqualTo(200);

		var delete = api.delete("/api/v1/customers/" + customer, Map.of("reason", "try"), signIn(seller));
		assertThat(delete.status()).isEqualTo(403);
		assertThat(delete.code()).isEqualTo("feature_disabled");
		var restriction = api.get("/api/v1/admin/feature-gates", admin).json().get("restrictions").get(0);
		assertThat(restriction.get("role").asString()).isEqualTo("Sales team");
		assertThat(restriction.get("roleId").asString()).isEqualTo(role.text("id"));
	}

	@Test
	void theAdminDesignationListNeedsDesignationsView() {
		String nobody = signIn(Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of(), null));
		String designation = api.post("/api/v1/admin/designations", Map.of("name", "Clerk"), admin).text("id");

		assertThat(api.get("/api/v1/admin/designations", nobody).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/admin/designations/" + designation, nobody).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/designations", nobody).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/admin/designations", admin).status()).isEqualTo(200);
	}

	@Test
	void meAnswersTheRealDesignation() {
		String designation = api.post("/api/v1/admin/designations", Map.of("name", "Accountant"), admin).text("id");
		UserAccount user = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of(), null);
		String token = signIn(user);
		assertThat(api.get("/api/v1/me", token).json().get("designation").isNull()).isTrue();

		api.patch("/api/v1/admin/users/" + user.id(), Map.of("designationId", designation), admin);

		var me = api.get("/api/v1/me", token).json();
		assertThat(me.get("designation").asString()).isEqualTo("Accountant");
		assertThat(me.get("designationId").asString()).isEqualTo(designation);
	}

	private UserAccount userWithRole(String role, List<String> permissions) {
		var created = api.post("/api/v1/admin/roles", Map.of("name", role, "permissions", permissions), admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of(role), null);
	}

	private String tierOf(UserAccount user) {
		return api.get("/api/v1/admin/users/" + user.id(), admin).text("tier");
	}

	private void gates(Map<String, Object> body) {
		var answer = api.send("PUT", "/api/v1/admin/feature-gates", body, admin);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
	}

	private String signIn(UserAccount user) {
		return api.login(tenant.slug(), user.email(), Tenants.PASSWORD).access();
	}

	private String statusOf(UserAccount user) {
		return TenantContext.call(tenant.id(), () -> directory.find(user.id()).orElseThrow().status().name());
	}

}
