package org.vigie.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in browser over plain HTTP, for tests of server-rendered pages: it keeps the session
 * cookie, signs in through the real login form, and sends the CSRF token that the last page held
 * with every form it posts. It follows no redirect, so tests see the 302 and its Location.
 */
public final class WebSession {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta[^>]*name=\"_csrf\"[^>]*content=\"([^\"]+)\"");

    private final String base;
    private final String language;
    private final HttpClient http;
    private String csrf;

    private WebSession(int port, String language) {
        this.base = "http://127.0.0.1:" + port;
        this.language = language;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Signs in through the login form, in English. */
    public static WebSession signIn(int port, String username, String password) {
        return signIn(port, username, password, "en");
    }

    /** @param language the browser's Accept-Language, which picks the pages' language */
    public static WebSession signIn(int port, String username, String password, String language) {
        WebSession session = new WebSession(port, language);
        session.get("/login");
        Page signedIn = session.post("/login", Map.of("username", username, "password", password));
        if (signedIn.status() != 302 || signedIn.location().contains("error")) {
            throw new IllegalStateException("could not sign in as " + username + ": " + signedIn.status() + " " + signedIn.location());
        }
        // signing in issues a new CSRF token: pick it up from a page
        session.get("/");
        return session;
    }

    public Page get(String path, String... headerNamesAndValues) {
        HttpRequest.Builder request = request(path).GET();
        if (headerNamesAndValues.length > 0) {
            request.headers(headerNamesAndValues);
        }
        return remember(send(request));
    }

    /** Posts a form as a browser does, with the CSRF token of the last page. */
    public Page post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
                .collect(Collectors.joining("&"));
        if (csrf != null) {
            body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + encode(csrf);
        }
        return remember(send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .header("Accept-Language", language);
    }

    private Page remember(Page page) {
        Matcher hidden = HIDDEN_CSRF.matcher(page.body());
        Matcher meta = META_CSRF.matcher(page.body());
        if (hidden.find()) {
            csrf = hidden.group(1);
        } else if (meta.find()) {
            csrf = meta.group(1);
        }
        return page;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A page as the server sent it: status, HTML and headers. */
    public record Page(int status, String body, Map<String, List<String>> headers) {

        public String location() {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Location"))
                    .findFirst().map(e -> e.getValue().get(0)).orElse("");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
