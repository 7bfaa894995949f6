package com.worklib.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium driven by Playwright, never a browser Playwright downloads. Without
 * Chromium the journeys are skipped with one loud line, except in CI, where that fails.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("WORKLIB_CHROMIUM", "/usr/bin/chromium"));

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser chromium;

	private Browser() {
		this.playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		this.chromium = this.playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				// as root, and on a machine that reaches no Google service
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
	}

	static Browser open() {
		if (!Files.isExecutable(CHROMIUM)) {
			String why = "Browser journeys need Chromium at " + CHROMIUM + " (apt-get install -y chromium)";
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException(why);
			}
			System.err.println("!!!!! SKIPPED: " + why + " !!!!!");
			Assumptions.abort(why);
		}
		return new Browser();
	}

	/** A fresh person: no cookies, French first, a phone-sized or a desktop screen. */
	Page person(String acceptLanguage, int width) {
		BrowserContext context = this.chromium.newContext(new NewContextOptions().setLocale(acceptLanguage)
			.setExtraHTTPHeaders(Map.of("Accept-Language", acceptLanguage))
			.setViewportSize(width, 900));
		Page page = context.newPage();
		// what a person's browser asked for, for the test report when a journey fails
		page.onResponse(response -> {
			if (!response.url().contains("/webjars/") && !response.url().contains("/css/")) {
				System.out.println(
						"browser: " + response.request().method() + " " + response.url() + " -> " + response.status());
			}
		});
		return page;
	}

	/** axe-core finds no serious or critical violation on the page as it is now. */
	static void assertAccessible(Page page) {
		List<Rule> serious = new AxeBuilder(page).analyze()
			.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.toList();
		assertThat(serious)
			.as("axe-core on " + page.url() + ": "
					+ serious.stream().map(r -> r.getId() + " " + r.getNodes().size() + "×").toList())
			.isEmpty();
	}

	static void screenshot(Page page, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	@Override
	public void close() {
		this.chromium.close();
		this.playwright.close();
	}

}
