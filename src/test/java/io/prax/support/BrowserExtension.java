package io.prax.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One Chromium per test class (skipped on a laptop without Chromium, failing when
 * {@code CI=true}: {@link Browser#launch}), and for every test a fresh {@link Browsing}:
 * test and {@code @BeforeEach} methods may declare a {@link Browsing}, a {@link Page} or
 * a {@link BrowserContext} parameter. Every context of a test is closed after it; when a
 * test fails, each of its open pages leaves a screenshot and its HTML in
 * {@code target/browser-failures}.
 */
public final class BrowserExtension
		implements BeforeAllCallback, AfterTestExecutionCallback, AfterEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(BrowserExtension.class);

	private static final Path FAILURES = Path.of("target", "browser-failures");

	@Override
	public void beforeAll(ExtensionContext context) {
		// AutoCloseable values of a class-level store are closed after the class
		context.getStore(NAMESPACE).computeIfAbsent(Browser.class, key -> Browser.launch(), Browser.class);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == Browsing.class || type == Page.class || type == BrowserContext.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Browsing browsing = browsing(context);
		Class<?> type = parameter.getParameter().getType();
		if (type == Page.class) {
			return browsing.page();
		}
		return (type == BrowserContext.class) ? browsing.context() : browsing;
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		Browsing browsing = context.getStore(NAMESPACE).get(Browsing.class, Browsing.class);
		if (browsing == null || context.getExecutionException().isEmpty()) {
			return;
		}
		int n = 0;
		for (Page page : browsing.openPages()) {
			String name = context.getRequiredTestClass().getSimpleName() + "."
					+ context.getRequiredTestMethod().getName() + "-" + (++n);
			try {
				Files.createDirectories(FAILURES);
				page.screenshot(
						new Page.ScreenshotOptions().setPath(FAILURES.resolve(name + ".png")).setFullPage(true));
				Files.writeString(FAILURES.resolve(name + ".html"), page.url() + "\n" + page.content(),
						StandardCharsets.UTF_8);
			}
			catch (PlaywrightException ex) {
				// a page that cannot be captured any more must not hide the test's own
				// failure
				context.publishReportEntry("browser-failure-capture", name + ": " + ex.getMessage());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Browsing browsing = context.getStore(NAMESPACE).remove(Browsing.class, Browsing.class);
		if (browsing != null) {
			browsing.close();
		}
	}

	private static Browsing browsing(ExtensionContext context) {
		if (context.getTestMethod().isEmpty()) {
			throw new IllegalStateException("Browsing is per test: declare it on a test or @BeforeEach method");
		}
		Browser browser = context.getParent().orElseThrow().getStore(NAMESPACE).get(Browser.class, Browser.class);
		if (browser == null) {
			throw new IllegalStateException("no browser: annotate the test class with @BrowserTest");
		}
		return context.getStore(NAMESPACE)
			.computeIfAbsent(Browsing.class, key -> new Browsing(browser, baseUrl(context)), Browsing.class);
	}

	private static String baseUrl(ExtensionContext context) {
		String port = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port");
		return "http://localhost:" + port;
	}

}
