package org.vigie.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser session over plain HTTP for web tests: it keeps cookies (the session, the language),
 * reads the CSRF token from each page it loads and sends it back with forms, as a browser
 * submitting the page's forms would. Redirects are not followed, so tests can see them; {@link #follow} does.
 */
public final class BrowserSession {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String acceptLanguage = "en";
    private String csrfToken;

    private BrowserSession(String base) {
        this.base = base;
    }

    /** A new browser, with no cookies, that prefers English. */
    public static BrowserSession open(int port) {
        return new BrowserSession("http://127.0.0.1:" + port);
    }

    /** Signs in through the login form as a person would; see {@link #open}. */
    public static BrowserSession signedIn(int port, String username, String password) {
        return signedIn(port, username, password, "en");
    }

    /** @param language the browser's Accept-Language, which picks the pages' language */
    public static BrowserSession signedIn(int port, String username, String password, String language) {
        BrowserSession browser = open(port).acceptLanguage(language);
        Page answer = browser.signIn(username, password);
        if (answer.status() != 302 || answer.location().contains("error")) {
            throw new IllegalStateException("could not sign in as " + username + ": " + answer.status() + " " + answer.location());
        }
        browser.get("/"); // signing in issues a new CSRF token: pick it up from a page, as a browser would
        return browser;
    }

    public BrowserSession acceptLanguage(String language) {
        this.acceptLanguage = language;
        return this;
    }

    /** Loads the sign-in page (for its CSRF token and session) and posts the form. Answers the redirect. */
    public Page signIn(String username, String password) {
        get("/login");
        return submit("/login", Map.of("username", username, "password", password));
    }

    /** Loads a page; extra headers as name, value pairs (e.g. "HX-Request", "true" for an htmx fragment). */
    public Page get(String path, String... headerNamesAndValues) {
        HttpRequest.Builder request = request(path).GET();
        if (headerNamesAndValues.length > 0) {
            request.headers(headerNamesAndValues);
        }
        Page page = send(request);
        String token = csrfTokenIn(page.body());
        if (token != null) {
            csrfToken = token;
        }
        return page;
    }

    /** Posts a form with the CSRF token of the last page loaded, as that page's form would. */
    public Page submit(String path, Map<String, String> fields) {
        if (csrfToken == null) {
            throw new IllegalStateException("no page with a CSRF token loaded yet");
        }
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfToken);
        return post(path, withToken);
    }

    /** Posts a form whose fields may repeat (checkboxes, multiple selects): names and values alternate. */
    public Page submitFields(String path, String... namesAndValues) {
        if (csrfToken == null) {
            throw new IllegalStateException("no page with a CSRF token loaded yet");
        }
        StringBuilder form = new StringBuilder("_csrf=" + encode(csrfToken));
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            form.append('&').append(encode(namesAndValues[i])).append('=').append(encode(namesAndValues[i + 1]));
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    /** Posts a form without any CSRF token, as a forged cross-site request would. */
    public Page submitWithoutCsrf(String path, Map<String, String> fields) {
        return post(path, fields);
    }

    /** Loads the page a redirect points to. */
    public Page follow(Page redirect) {
        if (redirect.location() == null) {
            throw new IllegalStateException("not a redirect: " + redirect.status());
        }
        return get(redirect.location());
    }

    /** Posts a form and loads the page it redirects to (the post-redirect-get of a successful form). */
    public Page submitAndFollow(String path, Map<String, String> fields) {
        Page answer = submit(path, fields);
        return answer.location() == null ? answer : follow(answer);
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    private Page post(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Language", acceptLanguage);
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            response.headers().allValues("Set-Cookie").forEach(this::remember);
            return new Page(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals).trim();
        String value = pair.substring(equals + 1).trim();
        boolean expired = setCookie.toLowerCase().contains("max-age=0");
        if (expired || value.isEmpty()) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static String csrfTokenIn(String html) {
        Matcher input = CSRF_INPUT.matcher(html);
        if (!input.find()) {
            return null;
        }
        Matcher value = VALUE.matcher(input.group());
        return value.find() ? value.group(1) : null;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** What came back: status, headers and the HTML. */
    public record Page(int status, String body, Map<String, List<String>> headers) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }

        /** The redirect's target as a path on this site, or null. */
        public String location() {
            String location = header("Location");
            if (location == null) {
                return null;
            }
            return location.startsWith("http") ? URI.create(location).getRawPath()
                    + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery()) : location;
        }

        /** The opening tag of the element with this id (its attributes in any order), or null. */
        public String tag(String id) {
            Matcher tag = Pattern.compile("<[a-z]+\\b[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(body);
            return tag.find() ? tag.group() : null;
        }

        /** The text of the page with tags removed and entities of quotes and apostrophes decoded, for "the page says" checks. */
        public String text() {
            return body.replaceAll("<[^>]+>", " ").replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&")
                    .replace("&lt;", "<").replace("&gt;", ">").replaceAll("\\s+", " ");
        }

        @Override
        public String toString() {
            return status + " " + (location() != null ? "-> " + location() : body.length() + " characters");
        }
    }
}
