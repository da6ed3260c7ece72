package io.prax.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.prax.identity.Onboarding;
import io.prax.identity.Totp;
import io.prax.support.BrowserTest;
import io.prax.support.Browsing;
import io.prax.support.MfaRequired;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator's first sign-in sets up TOTP in the browser (the test plays the
 * authenticator app with the secret shown on the page), then signs in with a code, and
 * with a backup code.
 */
@PraxIntegrationTest
@MfaRequired
@BrowserTest
class MfaBrowserTests {

	@Autowired
	Onboarding onboarding;

	@Autowired
	io.prax.identity.UserLifecycle identity;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	jakarta.persistence.EntityManager entityManager;

	@Test
	void enrolsSignsOutAndSignsInWithACodeThenWithABackupCode(Browsing browsing) {
		TestTenant tenant = Tenants.newTenant(onboarding);
		BrowserContext context = browsing.context();
		Page page = context.newPage();
		List<String> problems = new ArrayList<>();
		page.onConsoleMessage(message -> {
			// The refused reuse of a backup code answers 401, which the browser logs.
			if (("error".equals(message.type()) && !message.text().contains("status of 401"))
					|| message.text().contains("Content Security Policy")) {
				problems.add(message.text());
			}
		});

		password(page, tenant, true);
		try {
			page.waitForURL(url -> url.contains("/login/mfa/enrol"));
		}
		catch (RuntimeException ex) {
			throw new AssertionError(page.url() + "\n" + page.content(), ex);
		}
		assertThat(page.locator("#totp-qr").getAttribute("src")).startsWith("data:image/png;base64,");
		String secret = page.locator("#totp-secret").textContent().strip();
		long step = Totp.step(Instant.now()) - 1;
		page.getByLabel("Code from your app").fill(Totp.code(secret, step));
		page.locator("form button[type=submit]").first().click();
		page.locator("#backup-codes code").first().waitFor();
		List<String> backupCodes = page.locator("#backup-codes code").allTextContents();
		assertThat(backupCodes).hasSize(10);
		page.locator("#continue").click();
		page.waitForURL(url -> !url.contains("/login"));
		assertThat(page.content()).doesNotContain(secret);

		signOut(page, tenant);
		password(page, tenant, true);
		page.waitForURL(url -> url.contains("/login/mfa"));
		assertThat(page.url()).doesNotContain("enrol");
		page.getByLabel("Authentication code").fill(Totp.code(secret, step + 1));
		page.locator("#totp-form button[type=submit]").click();
		page.waitForURL(url -> !url.contains("/login"));
		// "Remember me" was kept through the second step: the refresh cookie outlives the
		// browser session.
		assertThat(
				context.cookies().stream().filter(c -> c.name.equals("prax_refresh")).findFirst().orElseThrow().expires)
			.isGreaterThan(0);

		signOut(page, tenant);
		password(page, tenant, false);
		page.waitForURL(url -> url.contains("/login/mfa"));
		page.locator("details summary").click();
		page.getByLabel("Backup code").fill(backupCodes.get(0));
		page.locator("#backup-form button[type=submit]").click();
		page.waitForURL(url -> !url.contains("/login"));
		assertThat(page.content()).doesNotContain(backupCodes.get(1));

		// The used backup code does not work again.
		signOut(page, tenant);
		password(page, tenant, false);
		page.waitForURL(url -> url.contains("/login/mfa"));
		page.locator("details summary").click();
		page.getByLabel("Backup code").fill(backupCodes.get(0));
		page.locator("#backup-form button[type=submit]").click();
		assertThat(page.url()).contains("/login/mfa");
		assertThat(page.content()).contains("not correct or was already used");
		assertThat(problems).isEmpty();
	}

	/**
	 * A user whom nothing forces sets up TOTP on "My security" (reading the key from the
	 * page, computing the code as an app would), signs out, signs in with a code, then
	 * with a backup code, and sees one backup code fewer; new codes need the password.
	 */
	@Test
	void enrolsOnTheSecurityPageThenSignsInWithACodeAndWithABackupCode(Browsing browsing) {
		TestTenant tenant = Tenants.newTenant(onboarding);
		io.prax.identity.UserAccount user = Tenants.newUser(identity, tenant, io.prax.identity.Tier.EMPLOYEE,
				List.of("VIEWER"), null);
		BrowserContext context = browsing.context();
		Page page = context.newPage();
		List<String> problems = new ArrayList<>();
		page.onConsoleMessage(message -> {
			if (("error".equals(message.type()) && !message.text().contains("status of 4"))
					|| message.text().contains("Content Security Policy")) {
				problems.add(message.text());
			}
		});

		password(page, tenant, user.email(), false);
		page.waitForURL(url -> !url.contains("/login"));
		page.navigate("/me/security");
		assertThat(page.locator("#mfa-state").textContent()).isEqualTo("Off");
		page.locator("#mfa-start button").click();
		assertThat(page.locator("#totp-qr").getAttribute("src")).startsWith("data:image/png;base64,");
		String secret = page.locator("#totp-secret").textContent().strip();
		long step = Totp.step(Instant.now()) - 1;
		// A wrong first code: a new key is shown, to scan again.
		page.getByLabel("Code from your app").fill(Totp.code(secret, step).equals("000000") ? "111111" : "000000");
		page.locator("#mfa-confirm button[type=submit]").click();
		assertThat(page.locator(".field-error").first().textContent()).contains("not correct");
		secret = page.locator("#totp-secret").textContent().strip();
		page.getByLabel("Code from your app").fill(Totp.code(secret, step));
		page.locator("#mfa-confirm button[type=submit]").click();
		page.locator("#backup-codes code").first().waitFor();
		List<String> backupCodes = page.locator("#backup-codes code").allTextContents();
		assertThat(backupCodes).hasSize(10);
		assertThat(page.locator("#mfa-state").textContent()).isEqualTo("On");
		assertThat(page.locator("#backup-codes-left").textContent()).contains("10 of 10");
		page.navigate("/me/security");
		assertThat(page.content()).doesNotContain(secret).doesNotContain(backupCodes.get(0));

		signOut(page, user.name());
		password(page, tenant, user.email(), false);
		page.waitForURL(url -> url.contains("/login/mfa"));
		assertThat(page.url()).doesNotContain("enrol");
		page.getByLabel("Authentication code").fill(Totp.code(secret, step + 1));
		page.locator("#totp-form button[type=submit]").click();
		page.waitForURL(url -> !url.contains("/login"));

		signOut(page, user.name());
		password(page, tenant, user.email(), false);
		page.waitForURL(url -> url.contains("/login/mfa"));
		page.locator("details summary").click();
		page.getByLabel("Backup code").fill(backupCodes.get(3));
		page.locator("#backup-form button[type=submit]").click();
		page.waitForURL(url -> !url.contains("/login"));
		page.navigate("/me/security");
		assertThat(page.locator("#backup-codes-left").textContent()).contains("9 of 10");

		// New backup codes need the password; the old ones stop working.
		page.getByLabel("Password for new backup codes").fill("not my password at all");
		page.locator("#mfa-regenerate button[type=submit]").click();
		page.getByText("The password is not correct").first().waitFor();
		page.getByLabel("Password for new backup codes").fill(Tenants.PASSWORD);
		page.locator("#mfa-regenerate button[type=submit]").click();
		// The answer is a new page: wait for its codes before reading them.
		page.locator("#backup-codes code").first().waitFor();
		List<String> fresh = page.locator("#backup-codes code").allTextContents();
		assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(backupCodes);
		assertThat(problems).isEmpty();
	}

	/**
	 * Step-up in the browser: an administrator whose sign-in is older than 10 minutes
	 * changes a user's roles, is asked for the password and a code on the spot, and the
	 * change is then saved as submitted.
	 */
	@Test
	void aSensitiveChangeOfAnOlderSessionAsksForThePasswordAndCodeThenCompletes(Browsing browsing) {
		TestTenant tenant = Tenants.newTenant(onboarding);
		io.prax.identity.UserAccount user = Tenants.newUser(identity, tenant, io.prax.identity.Tier.EMPLOYEE,
				List.of("VIEWER"), null);
		BrowserContext context = browsing.context();
		Page page = context.newPage();
		List<String> problems = new ArrayList<>();
		page.onConsoleMessage(message -> {
			if (("error".equals(message.type()) && !message.text().contains("status of 401"))
					|| message.text().contains("Content Security Policy")) {
				problems.add(message.text());
			}
		});
		password(page, tenant, false);
		page.waitForURL(url -> url.contains("/login/mfa/enrol"));
		String secret = page.locator("#totp-secret").textContent().strip();
		long step = Totp.step(Instant.now()) - 1;
		page.getByLabel("Code from your app").fill(Totp.code(secret, step));
		page.locator("form button[type=submit]").first().click();
		page.locator("#continue").click();
		page.waitForURL(url -> !url.contains("/login"));

		// The sign-in was 11 minutes ago.
		io.prax.tenancy.TenantContext.run(tenant.id(),
				() -> transactions.executeWithoutResult(status -> entityManager.createNativeQuery(
						"update user_session set created_at = created_at - interval '11 minutes' where user_id = ?1")
					.setParameter(1, tenant.admin().id().value())
					.executeUpdate()));

		page.navigate("/admin/users/" + user.id().value());
		page.getByLabel("MANAGER", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Save user"))
			.click();
		assertThat(page.locator("h1").textContent()).contains("Confirm it is you");
		page.getByLabel("Password").fill(Tenants.PASSWORD);
		page.getByLabel("Authentication code").fill(Totp.code(secret, step + 1));
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Confirm and continue"))
			.click();
		page.waitForURL(url -> url.endsWith("/admin/users/" + user.id().value()));
		assertThat(page.content()).contains("User saved");
		assertThat(page.getByLabel("MANAGER", new Page.GetByLabelOptions().setExact(true)).isChecked()).isTrue();
		assertThat(page.getByLabel("VIEWER", new Page.GetByLabelOptions().setExact(true)).isChecked()).isTrue();
		assertThat(problems).isEmpty();
	}

	private static void password(Page page, TestTenant tenant, boolean rememberMe) {
		password(page, tenant, tenant.adminEmail(), rememberMe);
	}

	private static void password(Page page, TestTenant tenant, String email, boolean rememberMe) {
		page.navigate("/login");
		page.getByLabel("Workspace").fill(tenant.slug());
		page.getByLabel("Email").fill(email);
		page.getByLabel("Password").fill(Tenants.PASSWORD);
		if (rememberMe) {
			page.getByLabel("Keep me signed in for 30 days").check();
		}
		page.locator("form button[type=submit]").first().click();
	}

	private static void signOut(Page page, TestTenant tenant) {
		signOut(page, tenant.admin().name());
	}

	private static void signOut(Page page, String name) {
		page.navigate("/me");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile(name)))
			.click();
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Sign out"))
			.click();
		page.waitForURL(url -> url.contains("/login"));
	}

}
