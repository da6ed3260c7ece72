package io.prax.identity;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.prax.support.Api;
import io.prax.tenancy.TenantContext;
import io.prax.support.PraxIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One password policy, with the same codes, at every place a password is set: sign-up,
 * invitation link, reset link and change, each through the API and through the web form.
 * The first-run set-up page shares the sign-up's code path ({@code Onboarding} and
 * {@code OnboardingController.failed}); it only opens on an empty database, so it is not
 * walked here.
 */
@PraxIntegrationTest
@TestPropertySource(properties = "prax.signup-enabled=true")
class PasswordPolicyEverywhereTests {

	private static final Pattern LINK = Pattern.compile("/password/set\\?token=([A-Za-z0-9._-]+)");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern FAILED_RULE = Pattern.compile("data-failed-rule=\"([a-z_]+)\"");

	private static final String WORKSPACE = "Blue Heron Trading";

	private static final String ADMIN_NAME = "Ada Lovelace";

	private static final String PASSWORD = "a long and pleasant passphrase";

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	DataSource dataSource;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	io.prax.tenancy.TenantDirectory tenants;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	Api api;

	JdbcTemplate jdbc;

	@BeforeEach
	void api() {
		api = new Api(port);
		jdbc = new JdbcTemplate(dataSource);
	}

	/** Whose password is being set: what it must not contain. */
	record Owner(String slug, String email, String name) {

		String local() {
			return email.substring(0, email.indexOf('@'));
		}
	}

	enum Rule {

		TOO_SHORT("password_too_short", owner -> "short words"),
		TOO_LONG("password_too_long", owner -> "many words ".repeat(12)),
		HUGE("password_too_long", owner -> "x".repeat(200_000)),
		BREACHED("password_breached", owner -> "P@ssw0rd2024!"),
		EMAIL("password_too_similar", owner -> owner.local() + " keeps the keys"),
		NAME("password_too_similar", owner -> owner.name().toUpperCase() + " keeps the keys"),
		WORKSPACE_NAME("password_too_similar", owner -> "we are " + WORKSPACE.toLowerCase() + " forever"),
		WORKSPACE_SLUG("password_too_similar", owner -> "my workspace is " + owner.slug());

		final String code;

		final Function<Owner, String> password;

		Rule(String code, Function<Owner, String> password) {
			this.code = code;
			this.password = password;
		}

	}

	enum Place {

		SIGNUP_API, SIGNUP_FORM, INVITATION_API, INVITATION_FORM, RESET_API, RESET_FORM, CHANGE_API, CHANGE_FORM;

		boolean form() {
			return name().endsWith("_FORM");
		}

	}

	static Stream<Arguments> everyPlaceAndRule() {
		List<Arguments> all = new ArrayList<>();
		for (Place place : Place.values()) {
			for (Rule rule : Rule.values()) {
				all.add(Arguments.of(place, rule));
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} refuses {1}")
	@MethodSource("everyPlaceAndRule")
	void everyRuleRefusesWithItsCodeAtEveryPlace(Place place, Rule rule) throws Exception {
		Refusal refusal = attempt(place, rule);

		assertThat(refusal.status())
			.as(refusal.body().length() > 500 ? refusal.body().substring(0, 500) : refusal.body())
			.isEqualTo(place.form() ? 200 : 400);
		assertThat(refusal.code()).isEqualTo(rule.code);
		// A refused password is never echoed back (a 200 kB one least of all).
		assertThat(refusal.body())
			.doesNotContain(rule == Rule.HUGE ? "xxxxxxxxxx" : rule.password.apply(refusal.owner()));
		assertThat(refusal.body().length()).isLessThan(100_000);
	}

	@Test
	void theSamePasswordInAnotherNormalisationFormSignsIn() {
		String decomposed = Normalizer.normalize("Crème brûlée au café du matin", Normalizer.Form.NFD);
		String composed = Normalizer.normalize(decomposed, Normalizer.Form.NFC);
		assertThat(decomposed).isNotEqualTo(composed);
		Owner owner = newTenant(decomposed);

		assertThat(login(owner, composed)).isEqualTo(200);
		assertThat(login(owner, decomposed)).isEqualTo(200);
		// Full-width letters and digits are the same password after NFKC.
		String ascii = "tea at 2024 hours please";
		changeOwn(owner, composed, "ｔｅａ ａｔ ２０２４ ｈｏｕｒｓ ｐｌｅａｓｅ");
		assertThat(login(owner, ascii)).isEqualTo(200);
	}

	@Test
	void lengthCountsCodePointsAfterNormalisation() {
		// Eleven characters as typed, but NFKC turns the ligature into two: twelve code
		// points.
		Owner owner = newTenant(PASSWORD);
		var accepted = api.send("PUT", "/api/v1/me/password",
				Map.of("currentPassword", PASSWORD, "newPassword", "ﬁne days ok"), token(owner, PASSWORD));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
		// Twelve astral characters (24 UTF-16 units) are twelve code points: accepted;
		// eleven are too short.
		String emoji = "🐢🦊🐙🦉🐝🦋🐞🦀🐳🦒🦓🦔";
		var emojiAccepted = api.send("PUT", "/api/v1/me/password",
				Map.of("currentPassword", "fine days ok", "newPassword", emoji), token(owner, "fine days ok"));
		assertThat(emojiAccepted.status()).as(emojiAccepted.body()).isEqualTo(204);
		var tooShort = api.send("PUT", "/api/v1/me/password",
				Map.of("currentPassword", emoji, "newPassword", emoji.substring(0, 22)), token(owner, emoji));
		assertThat(tooShort.code()).isEqualTo("password_too_short");
	}

	@Test
	void aHashMadeBeforeNormalisationStillSignsInAndIsReplaced() {
		Owner owner = newTenant(PASSWORD);
		String decomposed = Normalizer.normalize("Crème brûlée au café du matin", Normalizer.Form.NFD);
		String composed = Normalizer.normalize(decomposed, Normalizer.Form.NFC);
		// As an earlier Prax stored it: Argon2id of the password exactly as typed.
		String legacy = encoder.encode(decomposed);
		inTenant(owner,
				() -> jdbc.update("update app_user set password_hash = ? where email = ?", legacy, owner.email()));

		assertThat(login(owner, decomposed)).isEqualTo(200);

		String stored = inTenant(owner, () -> jdbc.queryForObject("select password_hash from app_user where email = ?",
				String.class, owner.email()));
		assertThat(stored).startsWith("{argon2}").isNotEqualTo(legacy);
		assertThat(encoder.matches(composed, stored)).isTrue();
		assertThat(login(owner, composed)).isEqualTo(200);
	}

	@Test
	void historyRefusesTheLastPasswordsWhenTheTenantAsksForIt() {
		Owner owner = newTenant("first long passphrase");
		String admin = token(owner, "first long passphrase");
		var on = api.send("PUT", "/api/v1/admin/security-settings/password-policy", Map.of("historyCount", 3), admin);
		assertThat(on.status()).as(on.body()).isEqualTo(200);
		assertThat(api.get("/api/v1/admin/security-settings/password-policy", admin).json().get("historyCount").asInt())
			.isEqualTo(3);

		assertThat(change(admin, "first long passphrase", "second long passphrase").status()).isEqualTo(204);
		admin = token(owner, "second long passphrase");
		assertThat(change(admin, "second long passphrase", "third long passphrase").status()).isEqualTo(204);
		admin = token(owner, "third long passphrase");

		assertThat(change(admin, "third long passphrase", "first long passphrase").code()).isEqualTo("password_reused");
		assertThat(change(admin, "third long passphrase", "second long passphrase").code())
			.isEqualTo("password_reused");
		// The reset link applies the same rule, the current password included.
		String token = resetToken(owner);
		var viaLink = api.post("/api/v1/auth/password-reset/confirm",
				Map.of("token", token, "newPassword", "third long passphrase"), null);
		assertThat(viaLink.code()).isEqualTo("password_reused");
		assertThat(passwordSetForm(token, "second long passphrase").code()).isEqualTo("password_reused");

		// Only hashes are kept, and only as many as the rule needs (the current one lives
		// on the user).
		List<String> kept = inTenant(owner,
				() -> jdbc.queryForList("select h.password_hash from password_history h"
						+ " join app_user u on u.tenant_id = h.tenant_id and u.id = h.user_id where u.email = ?",
						String.class, owner.email()));
		assertThat(kept).hasSize(2)
			.allMatch(hash -> hash.startsWith("{argon2}"))
			.noneMatch(hash -> hash.contains("passphrase"));

		assertThat(change(admin, "third long passphrase", "fourth long passphrase").status()).isEqualTo(204);
		admin = token(owner, "fourth long passphrase");
		assertThat(change(admin, "fourth long passphrase", "first long passphrase").status())
			.as("the first one fell out of the last three")
			.isEqualTo(204);
		admin = token(owner, "first long passphrase");

		var off = api.send("PUT", "/api/v1/admin/security-settings/password-policy", Map.of("historyCount", 0), admin);
		assertThat(off.status()).isEqualTo(200);
		assertThat(inTenant(owner,
				() -> jdbc.queryForObject(
						"select count(*) from password_history h join app_user u"
								+ " on u.tenant_id = h.tenant_id and u.id = h.user_id where u.email = ?",
						Integer.class, owner.email())))
			.isZero();
		assertThat(change(admin, "first long passphrase", "third long passphrase").status()).isEqualTo(204);
	}

	@Test
	void historyIsOffByDefault() {
		Owner owner = newTenant("first long passphrase");
		String admin = token(owner, "first long passphrase");
		assertThat(api.get("/api/v1/admin/security-settings/password-policy", admin).json().get("historyCount").asInt())
			.isZero();
		assertThat(change(admin, "first long passphrase", "second long passphrase").status()).isEqualTo(204);
		admin = token(owner, "second long passphrase");
		assertThat(change(admin, "second long passphrase", "first long passphrase").status()).isEqualTo(204);
	}

	@Test
	void historyCountIsBounded() {
		Owner owner = newTenant(PASSWORD);
		String admin = token(owner, PASSWORD);
		var tooMany = api.send("PUT", "/api/v1/admin/security-settings/password-policy", Map.of("historyCount", 13),
				admin);
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.code()).isEqualTo("validation_failed");
	}

	// ---- the places ----

	record Refusal(Owner owner, int status, @Nullable String code, String body) {
	}

	private Refusal attempt(Place place, Rule rule) throws Exception {
		return switch (place) {
			case SIGNUP_API, SIGNUP_FORM -> {
				String slug = "pp-" + UUID.randomUUID().toString().substring(0, 12);
				Owner owner = new Owner(slug, "countess@" + slug + ".example", ADMIN_NAME);
				String password = rule.password.apply(owner);
				Map<String, String> fields = new LinkedHashMap<>(
						Map.of("tenantSlug", slug, "tenantName", WORKSPACE, "region", "EU", "adminEmail", owner.email(),
								"adminName", owner.name(), "adminPassword", password));
				Refusal refusal;
				if (place == Place.SIGNUP_API) {
					var answer = api.post("/api/v1/signup", fields, null);
					refusal = new Refusal(owner, answer.status(), answer.code(), answer.body());
				}
				else {
					refusal = form(owner, "/signup", "/signup", fields, null);
				}
				assertThat(tenants.findBySlug(slug)).as("nothing written").isEmpty();
				yield refusal;
			}
			case INVITATION_API, INVITATION_FORM -> {
				Owner admin = newTenant(PASSWORD);
				Owner invitee = new Owner(admin.slug(), "ivy.invitee@" + admin.slug() + ".example", "Ivy Greenwood");
				var invited = api.post("/api/v1/admin/users", Map.of("email", invitee.email(), "name", invitee.name(),
						"tier", "EMPLOYEE", "roles", List.of("VIEWER")), token(admin, PASSWORD));
				assertThat(invited.status()).isEqualTo(201);
				yield viaLink(place == Place.INVITATION_FORM, invitee, mailedToken(invitee.email()), rule);
			}
			case RESET_API, RESET_FORM -> {
				Owner owner = newTenant(PASSWORD);
				yield viaLink(place == Place.RESET_FORM, owner, resetToken(owner), rule);
			}
			case CHANGE_API -> {
				Owner owner = newTenant(PASSWORD);
				var answer = change(token(owner, PASSWORD), PASSWORD, rule.password.apply(owner));
				yield new Refusal(owner, answer.status(), answer.code(), answer.body());
			}
			case CHANGE_FORM -> {
				Owner owner = newTenant(PASSWORD);
				String password = rule.password.apply(owner);
				yield form(owner, "/me/security", "/me/password",
						Map.of("currentPassword", PASSWORD, "newPassword", password, "confirmPassword", password),
						token(owner, PASSWORD));
			}
		};
	}

	private Refusal viaLink(boolean form, Owner owner, String token, Rule rule) throws Exception {
		String password = rule.password.apply(owner);
		if (form) {
			return form(owner, "/password/set?token=" + token, "/password/set",
					Map.of("token", token, "newPassword", password, "confirmPassword", password), null);
		}
		var answer = api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", password),
				null);
		return new Refusal(owner, answer.status(), answer.code(), answer.body());
	}

	private Refusal passwordSetForm(String token, String password) {
		try {
			return form(null, "/password/set?token=" + token, "/password/set",
					Map.of("token", token, "newPassword", password, "confirmPassword", password), null);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	/**
	 * Posts a form as the browser does (the page's CSRF field and cookie); the refused
	 * rule is read from the page.
	 */
	private Refusal form(@Nullable Owner owner, String page, String action, Map<String, String> fields,
			@Nullable String accessToken) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest.Builder get = HttpRequest.newBuilder(URI.create("http://localhost:" + port + page)).GET();
		if (accessToken != null) {
			get.header("Cookie", "prax_access=" + accessToken);
		}
		HttpResponse<String> shown = http.send(get.build(), HttpResponse.BodyHandlers.ofString());
		Matcher csrf = CSRF.matcher(shown.body());
		assertThat(csrf.find()).as("CSRF field on " + page).isTrue();
		String cookies = shown.headers()
			.allValues("Set-Cookie")
			.stream()
			.map(c -> c.split(";", 2)[0])
			.collect(Collectors.joining("; "));
		if (accessToken != null) {
			cookies = "prax_access=" + accessToken + (cookies.isEmpty() ? "" : "; " + cookies);
		}
		String body = fields.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&")) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + action))
			.header("Cookie", cookies)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher failed = FAILED_RULE.matcher(posted.body());
		return new Refusal(owner, posted.statusCode(), failed.find() ? failed.group(1) : null, posted.body());
	}

	// ---- fixtures ----

	private Owner newTenant(String password) {
		String slug = "pp-" + UUID.randomUUID().toString().substring(0, 12);
		Owner owner = new Owner(slug, "countess@" + slug + ".example", ADMIN_NAME);
		onboarding.onboard(new Onboarding.NewTenant(slug, WORKSPACE, "EU", owner.email(), owner.name(), password));
		return owner;
	}

	private <T> T inTenant(Owner owner, java.util.function.Supplier<T> work) {
		return TenantContext.call(tenants.findBySlug(owner.slug()).orElseThrow().id(),
				() -> transactions.execute(status -> work.get()));
	}

	private String token(Owner owner, String password) {
		return api.login(owner.slug(), owner.email(), password).access();
	}

	private int login(Owner owner, String password) {
		return api
			.post("/api/v1/auth/login", Map.of("tenant", owner.slug(), "email", owner.email(), "password", password),
					null)
			.status();
	}

	private Api.Response change(String accessToken, String current, String next) {
		return api.send("PUT", "/api/v1/me/password", Map.of("currentPassword", current, "newPassword", next),
				accessToken);
	}

	private void changeOwn(Owner owner, String current, String next) {
		var answer = change(token(owner, current), current, next);
		assertThat(answer.status()).as(answer.body()).isEqualTo(204);
	}

	private String resetToken(Owner owner) {
		api.post("/api/v1/auth/password-reset", Map.of("tenant", owner.slug(), "email", owner.email()), null);
		return mailedToken(owner.email());
	}

	private String mailedToken(String recipient) {
		String body = jdbc.queryForObject(
				"select body from mail_outbox where recipient = ? order by created_at desc limit 1", String.class,
				recipient);
		Matcher matcher = LINK.matcher(body == null ? "" : body);
		if (!matcher.find()) {
			throw new AssertionError("No link in mail: " + body);
		}
		return matcher.group(1);
	}

}
