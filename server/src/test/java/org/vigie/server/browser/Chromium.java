package org.vigie.server.browser;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts headless Chromium for browser tests: Debian's Chromium where it is installed (CI installs
 * it; this network allows no browser download), else Playwright's own browser, which fails loudly
 * if it was never downloaded. A browser test never skips silently.
 */
final class Chromium {

    private static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    static com.microsoft.playwright.Browser launch(Playwright playwright) {
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run"));
        if (Files.isExecutable(DEBIAN_CHROMIUM)) {
            options.setExecutablePath(DEBIAN_CHROMIUM);
        }
        return playwright.chromium().launch(options);
    }
}
