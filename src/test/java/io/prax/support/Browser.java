package io.prax.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Debian Chromium driven by Playwright, without any browser download. On a
 * laptop without Chromium the browser tests are skipped; in CI ({@code CI=true}) a
 * missing browser fails the run.
 */
public final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PRAX_CHROMIUM", "/usr/bin/chromium"));

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser browser;

	private Browser() {
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
	}

	public static Browser launch() {
		if (!Files.isExecutable(CHROMIUM)) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("CI=true but no Chromium at " + CHROMIUM
						+ ": install Debian's chromium package (.ci/run does)");
			}
			Assumptions.abort("No Chromium at " + CHROMIUM + "; browser tests skipped on this machine");
		}
		return new Browser();
	}

	public BrowserContext newContext(String baseUrl) {
		return browser.newContext(new NewContextOptions().setBaseURL(baseUrl));
	}

	@Override
	public void close() {
		browser.close();
		playwright.close();
	}

}
