package io.prax.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.support.Api;
import io.prax.support.Multipart;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators import users from CSV with the hashes of their old system: the users
 * sign in with their old passwords and end up with Argon2id; a bad row refuses the whole
 * file with a per-row report; nobody imports access beyond their own; no answer and no
 * audit event carries a hash.
 */
@PraxIntegrationTest
class UserImportTests {

	private static final String HEADER = "email,name,tier,roles,password_hash\n";

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	Api api;

	TestTenant tenant;

	String admin;

	JdbcTemplate jdbc;

	@BeforeEach
	void tenant() {
		api = new Api(port);
		jdbc = new JdbcTemplate(dataSource);
		tenant = Tenants.newTenant(onboarding);
		admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
	}

	@Test
	void bcryptAndPbkdf2UsersSignInWithTheirOldPasswordAndEndWithArgon2id() {
		String bcrypt = new BCryptPasswordEncoder(10).encode("old bcrypt passphrase");
		String bcrypt2y = "$2y$" + new BCryptPasswordEncoder(10).encode("old 2y passphrase").substring(4);
		String bcryptPrefixed = "{bcrypt}" + new BCryptPasswordEncoder(11).encode("old prefixed passphrase");
		String pbkdf2 = "{pbkdf2}"
				+ Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("old pbkdf2 passphrase");
		List<String> hashes = List.of(bcrypt, bcrypt2y, bcryptPrefixed, pbkdf2);
		String csv = HEADER + row("bea.bcrypt", "Bea Bcrypt", "EMPLOYEE", "OPERATOR;VIEWER", bcrypt)
				+ row("yan.why", "Yan Why", "EMPLOYEE", "VIEWER", bcrypt2y)
				+ row("pri.prefixed", "Pri Prefixed", "ADMIN", "ADMIN", bcryptPrefixed)
				+ row("pia.pbkdf2", "Pia Pbkdf2", "", "", pbkdf2)
				+ row("ivo.invited", "Ivo Invited", "EMPLOYEE", "VIEWER", "");

		Api.Response imported = postCsv("/api/v1/admin/users/import", csv, admin);

		assertThat(imported.status()).as(imported.body()).isEqualTo(201);
		assertThat(imported.json().get("imported").asInt()).isEqualTo(5);
		assertThat(imported.json().get("invited").asInt()).isEqualTo(1);
		assertNoHash(imported.body(), hashes);
		assertThat(storedHash("bea.bcrypt")).startsWith("{bcrypt}$2a$");
		assertThat(storedHash("pia.pbkdf2")).startsWith("{pbkdf2}");

		signIn("bea.bcrypt", "old bcrypt passphrase");
		signIn("yan.why", "old 2y passphrase");
		signIn("pri.prefixed", "old prefixed passphrase");
		signIn("pia.pbkdf2", "old pbkdf2 passphrase");

		for (String user : List.of("bea.bcrypt", "yan.why", "pri.prefixed", "pia.pbkdf2")) {
			assertThat(storedHash(user)).as(user).startsWith("{argon2}$argon2id$");
		}
		// Still the same password after the upgrade.
		signIn("pia.pbkdf2", "old pbkdf2 passphrase");
		assertThat(api
			.post("/api/v1/auth/login",
					Map.of("tenant", tenant.slug(), "email", email("bea.bcrypt"), "password", "a wrong old passphrase"),
					null)
			.status()).isEqualTo(401);
		assertThat(storedStatus("ivo.invited")).isEqualTo("INVITED");

		// The import is audited with its count and ids; no event and no answer about the
		// users carries a hash.
		List<String> events = inTenant(() -> jdbc.queryForList(
				"select coalesce(changes::text, '') from audit_event where action = 'user.imported'", String.class));
		assertThat(events).hasSize(1);
		assertThat(events.get(0)).contains("\"count\": 5");
		imported.json().get("users").forEach(user -> assertThat(events.get(0)).contains(user.get("id").asString()));
		assertNoHash(
				inTenant(() -> String.join("\n", jdbc.queryForList(
						"select coalesce(changes::text, '') || coalesce(reason, '') from audit_event", String.class))),
				hashes);
		assertNoHash(api.get("/api/v1/admin/users?limit=500", admin).body(), hashes);
		for (JsonNode user : imported.json().get("users")) {
			assertNoHash(api.get("/api/v1/admin/users/" + user.get("id").asString(), admin).body(), hashes);
		}
		assertNoHash(api.page("/admin/users", admin).body(), hashes);
	}

	@Test
	void malformedRowsAreReportedPerRowAndNothingIsWritten() {
		String good = new BCryptPasswordEncoder(4).encode("a fine old passphrase");
		String csv = HEADER + row("ok.one", "Ok One", "EMPLOYEE", "VIEWER", good)
				+ "not-an-email,Bad Email,EMPLOYEE,VIEWER,\n" + row("no.name", "", "EMPLOYEE", "VIEWER", "")
				+ row("bad.tier", "Bad Tier", "ROOT", "", "") + row("bad.role", "Bad Role", "EMPLOYEE", "WIZARD", "")
				+ row("bad.hash", "Bad Hash", "EMPLOYEE", "", "md5:5f4dcc3b5aa765d61d8327deb882cf99")
				+ row("high.cost", "High Cost", "EMPLOYEE", "", "$2b$15$" + good.substring(7))
				+ row("ok.one", "Ok Again", "EMPLOYEE", "", "") + tenant.adminEmail() + ",Existing,EMPLOYEE,,\n"
				+ row("portal", "Portal User", "CUSTOMER", "", "");

		Api.Response refused = postCsv("/api/v1/admin/users/import", csv, admin);

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("import_refused");
		List<String> report = new ArrayList<>();
		refused.json()
			.get("rows")
			.forEach(r -> report.add(r.get("row").asInt() + ":"
					+ (r.get("column") == null || r.get("column").isNull() ? "" : r.get("column").asString()) + ":"
					+ r.get("code").asString()));
		assertThat(report).containsExactly("3:email:email_invalid", "4:name:name_invalid", "5:tier:tier_invalid",
				"6:roles:role_unknown", "7:password_hash:hash_format_unsupported",
				"8:password_hash:hash_cost_out_of_range", "9:email:email_duplicate", "10:email:user_exists",
				"11:tier:tier_invalid");
		assertNoHash(refused.body(), List.of(good));
		assertThat(storedStatus("ok.one")).as("all or nothing: the good row is not written either").isNull();
	}

	@Test
	void unreadableFilesAreRefusedCleanly() {
		var noHeader = postCsv("/api/v1/admin/users/import", "someone@x.example,Someone\n", admin);
		var unknownColumn = postCsv("/api/v1/admin/users/import", "email,name,salary\na@b.example,A,1\n", admin);
		var unbalanced = postCsv("/api/v1/admin/users/import", HEADER + "\"a@b.example,A,EMPLOYEE,,\n", admin);
		var empty = postCsv("/api/v1/admin/users/import", HEADER, admin);

		assertThat(noHeader.code()).isEqualTo("import_refused");
		assertThat(noHeader.json().get("rows").get(0).get("code").asString()).isEqualTo("column_unknown");
		assertThat(unknownColumn.json().get("rows").get(0).get("code").asString()).isEqualTo("column_unknown");
		assertThat(unbalanced.status()).isEqualTo(400);
		assertThat(unbalanced.json().get("rows").get(0).get("code").asString()).isEqualTo("csv_malformed");
		assertThat(empty.json().get("rows").get(0).get("code").asString()).isEqualTo("import_empty");
	}

	@Test
	void aHugeCellIsACleanRefusalThatEchoesNothing() {
		String huge = "x".repeat(200_000);
		var refused = postCsv("/api/v1/admin/users/import",
				HEADER + row("big.cell", "Big Cell", "EMPLOYEE", "", huge) + row("big.name", huge, "EMPLOYEE", "", ""),
				admin);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("import_refused");
		assertThat(refused.json().get("rows").get(0).get("code").asString()).isEqualTo("cell_too_long");
		assertThat(refused.json().get("rows").get(0).get("column").asString()).isEqualTo("password_hash");
		assertThat(refused.json().get("rows").get(1).get("column").asString()).isEqualTo("name");
		assertThat(refused.body().length()).isLessThan(5_000);
		assertThat(storedStatus("big.cell")).isNull();

		var tooLarge = postCsv("/api/v1/admin/users/import", HEADER + "y".repeat(2 * 1024 * 1024), admin);
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.code()).isEqualTo("payload_too_large");
	}

	@Test
	void nobodyImportsAccessBeyondTheirOwn() {
		var role = api.post("/api/v1/admin/roles",
				Map.of("name", "Recruiters", "permissions", List.of("users:view", "users:create", "customers:view")),
				admin);
		assertThat(role.status()).as(role.body()).isEqualTo(201);
		UserAccount recruiter = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("Recruiters"), null);
		String token = api.login(tenant.slug(), recruiter.email(), Tenants.PASSWORD).access();
		String hash = new BCryptPasswordEncoder(4).encode("a fine old passphrase");

		var admins = postCsv("/api/v1/admin/users/import", HEADER + row("new.admin", "New Admin", "ADMIN", "", hash),
				token);
		var managers = postCsv("/api/v1/admin/users/import",
				HEADER + row("new.manager", "New Manager", "EMPLOYEE", "MANAGER", hash), token);
		var allowed = postCsv("/api/v1/admin/users/import",
				HEADER + row("new.viewer", "New Viewer", "EMPLOYEE", "", hash), token);

		assertThat(admins.status()).as(admins.body()).isEqualTo(403);
		assertThat(admins.code()).isEqualTo("import_refused");
		assertThat(admins.json().get("rows").get(0).get("code").asString()).isEqualTo("cannot_grant");
		assertThat(managers.status()).isEqualTo(403);
		assertThat(managers.json().get("rows").get(0).get("code").asString()).isEqualTo("cannot_grant");
		assertThat(storedStatus("new.admin")).isNull();
		assertThat(storedStatus("new.manager")).isNull();
		assertThat(allowed.status()).as(allowed.body()).isEqualTo(201);

		UserAccount viewer = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		String viewerToken = api.login(tenant.slug(), viewer.email(), Tenants.PASSWORD).access();
		var forbidden = postCsv("/api/v1/admin/users/import", HEADER + row("x", "X", "EMPLOYEE", "", hash),
				viewerToken);
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.code()).isEqualTo("forbidden");
	}

	@Test
	void theAdminPageImportsAndShowsTheReport() {
		String hash = new BCryptPasswordEncoder(4).encode("a fine old passphrase");
		assertThat(api.page("/admin/users/import", admin).status()).isEqualTo(200);

		var refused = new Multipart()
			.file("file", "users.csv", "text/csv",
					(HEADER + row("page.user", "Page User", "EMPLOYEE", "WIZARD", hash))
						.getBytes(StandardCharsets.UTF_8))
			.post(port, "/admin/users/import", admin);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("data-code=\"role_unknown\"")
			.contains("nothing was imported")
			.doesNotContain(hash);
		assertThat(storedStatus("page.user")).isNull();

		var imported = new Multipart()
			.file("file", "users.csv", "text/csv",
					(HEADER + row("page.user", "Page User", "EMPLOYEE", "VIEWER", hash))
						.getBytes(StandardCharsets.UTF_8))
			.post(port, "/admin/users/import", admin);
		assertThat(imported.status()).isEqualTo(302);
		assertThat(storedStatus("page.user")).isEqualTo("ACTIVE");
		signIn("page.user", "a fine old passphrase");
	}

	// ---- helpers ----

	private String row(String local, String name, String tier, String roles, String hash) {
		return email(local) + "," + name + "," + tier + "," + roles + "," + hash + "\n";
	}

	private String email(String local) {
		return local + "@" + tenant.slug() + ".example";
	}

	private void signIn(String local, String password) {
		assertThat(api.login(tenant.slug(), email(local), password).access()).isNotBlank();
	}

	private String storedHash(String local) {
		return inTenant(() -> jdbc.queryForObject("select password_hash from app_user where email = ?", String.class,
				email(local)));
	}

	private String storedStatus(String local) {
		return inTenant(
				() -> jdbc.queryForList("select status from app_user where email = ?", String.class, email(local))
					.stream()
					.findFirst()
					.orElse(null));
	}

	private <T> T inTenant(Supplier<T> work) {
		return TenantContext.call(tenant.id(), () -> transactions.execute(status -> work.get()));
	}

	private static void assertNoHash(String text, List<String> hashes) {
		for (String hash : hashes) {
			String bare = hash.replaceFirst("^\\{[a-z0-9]+}", "");
			assertThat(text).doesNotContain(bare).doesNotContain(bare.substring(bare.length() - 20));
		}
		assertThat(text).doesNotContain("$2a$")
			.doesNotContain("$2b$")
			.doesNotContain("$2y$")
			.doesNotContain("{pbkdf2}")
			.doesNotContain("$argon2id$");
	}

	private Api.Response postCsv(String path, String csv, String token) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json, application/problem+json")
			.header("Content-Type", "text/csv; charset=utf-8")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString());
			return new Api.Response(response.statusCode(), response.body(), response);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unused")
	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
