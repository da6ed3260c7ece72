package io.prax.support;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;

/**
 * One test's browsing: its own {@link #context() context} and {@link #page() page} on the
 * running Prax, more contexts for more people, and the console errors and CSP reports of
 * every page opened through it. {@link BrowserExtension} closes it after the test.
 */
public final class Browsing implements AutoCloseable {

	/**
	 * Collects {@code securitypolicyviolation} events for {@link #cspViolations(Page)}.
	 */
	private static final String CSP_RECORDER = "window.__cspViolations = [];"
			+ "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
			+ "e.violatedDirective + ' ' + e.blockedURI));";

	private final Browser browser;

	private final String baseUrl;

	private final List<BrowserContext> contexts = new ArrayList<>();

	private final List<String> consoleProblems = new ArrayList<>();

	private BrowserContext context;

	private Page page;

	Browsing(Browser browser, String baseUrl) {
		this.browser = browser;
		this.baseUrl = baseUrl;
	}

	/** This test's own context, fresh (no cookies) for every test. */
	public BrowserContext context() {
		if (context == null) {
			context = newContext();
		}
		return context;
	}

	/** This test's page in {@link #context()}, its console watched. */
	public Page page() {
		if (page == null) {
			page = newPage(context());
		}
		return page;
	}

	/**
	 * Another fresh context (another person), closed after the test: left open, its pages
	 * are captured if the test fails.
	 */
	public BrowserContext newContext() {
		BrowserContext created = browser.newContext(baseUrl);
		contexts.add(created);
		return created;
	}

	/**
	 * {@link #context()}, its pages recording CSP violations for
	 * {@link #cspViolations(Page)}; call it before the context's first page.
	 */
	public BrowserContext contextRecordingCspViolations() {
		BrowserContext recording = context();
		recording.addInitScript(CSP_RECORDER);
		return recording;
	}

	/** A page whose console errors and CSP reports go to {@link #consoleProblems()}. */
	public Page newPage(BrowserContext in) {
		Page opened = in.newPage();
		opened.onConsoleMessage(message -> {
			if ("error".equals(message.type()) || message.text().contains("Content Security Policy")) {
				consoleProblems.add(message.text());
			}
		});
		return opened;
	}

	/**
	 * What the console of the pages from {@link #page()} and {@link #newPage} reported as
	 * an error or a CSP violation; a test asserts it is empty.
	 */
	public List<String> consoleProblems() {
		return consoleProblems;
	}

	/**
	 * Signs in on the login page as {@code email} of the tenant with the test password
	 * and waits until the page has left the login form.
	 */
	public static void signIn(Page page, Tenants.TestTenant tenant, String email) {
		page.navigate("/login");
		page.getByLabel("Workspace").fill(tenant.slug());
		page.getByLabel("Email").fill(email);
		page.getByLabel("Password").fill(Tenants.PASSWORD);
		page.locator("form button[type=submit]").first().click();
		page.waitForURL(url -> !url.contains("/login"));
	}

	/**
	 * The violations recorded on the page's current document (see
	 * {@link #contextRecordingCspViolations()}).
	 */
	@SuppressWarnings("unchecked")
	public static List<String> cspViolations(Page page) {
		return (List<String>) page.evaluate("window.__cspViolations");
	}

	List<Page> openPages() {
		List<Page> open = new ArrayList<>();
		for (BrowserContext each : contexts) {
			try {
				open.addAll(each.pages());
			}
			catch (PlaywrightException ex) {
				// closed by the test already
			}
		}
		return open;
	}

	@Override
	public void close() {
		for (BrowserContext each : contexts) {
			try {
				each.close();
			}
			catch (PlaywrightException ex) {
				// closed by the test already
			}
		}
		contexts.clear();
	}

}
