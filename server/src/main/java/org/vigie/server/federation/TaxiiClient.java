package org.vigie.server.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A TAXII 2.1 client (OASIS TAXII 2.1, sections 4 and 5): discovery, API root, collection, objects
 * (GET with {@code added_after} and {@code next}; POST with the status resource). Every request
 * sends and accepts {@code application/taxii+json;version=2.1}. Redirects are not followed, so that
 * the token is never sent to an address the administrator did not register. Answers are read up to
 * a bound, so a misbehaving peer cannot fill the heap.
 */
public final class TaxiiClient {

    public static final String MEDIA_TYPE = "application/taxii+json;version=2.1";

    /** Who to authenticate as. {@link #toString()} never shows the token. */
    public record Credentials(AuthScheme scheme, String username, String token) {

        String header() {
            if (scheme == AuthScheme.BASIC) {
                String pair = (username == null ? "" : username) + ":" + token;
                return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            }
            return "Bearer " + token;
        }

        @Override
        public String toString() {
            return "Credentials[" + scheme + ", username=" + username + "]";
        }
    }

    /** One page of a collection's objects, and how to ask for the next. */
    public record Page(List<JsonNode> objects, boolean more, String next, String dateAddedFirst, String dateAddedLast) {
    }

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;
    private final long maxAnswerBytes;

    public TaxiiClient(ObjectMapper json, Duration timeout, long maxAnswerBytes) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.json = json;
        this.timeout = timeout;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    /** The discovery resource: title, default API root, API roots. */
    public JsonNode discovery(String url, Credentials credentials) {
        return getObject(URI.create(url), credentials, "discovery");
    }

    public JsonNode apiRoot(String apiRoot, Credentials credentials) {
        return getObject(URI.create(slash(apiRoot)), credentials, "API root");
    }

    public JsonNode collection(String apiRoot, String collectionId, Credentials credentials) {
        return getObject(collectionUri(apiRoot, collectionId, ""), credentials, "collection");
    }

    /**
     * One page of objects added after {@code addedAfter} (all if null); {@code next} is the token of
     * the previous page, sent with the same filter as the spec asks.
     */
    public Page objects(String apiRoot, String collectionId, Credentials credentials, String addedAfter, String next, int limit) {
        StringBuilder query = new StringBuilder("?limit=").append(limit);
        if (addedAfter != null) {
            query.append("&added_after=").append(encode(addedAfter));
        }
        if (next != null) {
            query.append("&next=").append(encode(next));
        }
        Answer answer = send(HttpRequest.newBuilder(collectionUri(apiRoot, collectionId, "objects/" + query)).GET(), credentials);
        JsonNode envelope = parse(answer, "objects");
        if (!envelope.isObject()) {
            throw new TaxiiException("malformed envelope from " + answer.uri() + ": not a JSON object", answer.status());
        }
        JsonNode objects = envelope.path("objects");
        if (!objects.isMissingNode() && !objects.isArray()) {
            throw new TaxiiException("malformed envelope from " + answer.uri() + ": \"objects\" is not an array", answer.status());
        }
        JsonNode more = envelope.path("more");
        if (!more.isMissingNode() && !more.isBoolean()) {
            throw new TaxiiException("malformed envelope from " + answer.uri() + ": \"more\" is not a boolean", answer.status());
        }
        JsonNode nextToken = envelope.path("next");
        if (!nextToken.isMissingNode() && !nextToken.isTextual()) {
            throw new TaxiiException("malformed envelope from " + answer.uri() + ": \"next\" is not a string", answer.status());
        }
        List<JsonNode> list = new ArrayList<>();
        objects.forEach(list::add);
        return new Page(list, more.asBoolean(false), nextToken.isTextual() ? nextToken.asText() : null,
                answer.header("X-TAXII-Date-Added-First"), answer.header("X-TAXII-Date-Added-Last"));
    }

    /** Adds objects to a collection (an envelope); answers the status resource (202 expected). */
    public JsonNode addObjects(String apiRoot, String collectionId, Credentials credentials, List<JsonNode> objects) {
        ObjectNode envelope = json.createObjectNode();
        envelope.putArray("objects").addAll(objects);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(collectionUri(apiRoot, collectionId, "objects/"))
                    .header("Content-Type", MEDIA_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(envelope)));
            return parse(send(request, credentials), "status");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode status(String apiRoot, String statusId, Credentials credentials) {
        return getObject(URI.create(slash(apiRoot) + "status/" + encodePath(statusId) + "/"), credentials, "status");
    }

    // ---- plumbing ------------------------------------------------------------------------------

    private record Answer(URI uri, int status, byte[] body, java.net.http.HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private JsonNode getObject(URI uri, Credentials credentials, String what) {
        JsonNode node = parse(send(HttpRequest.newBuilder(uri).GET(), credentials), what);
        if (!node.isObject()) {
            throw new TaxiiException("malformed " + what + " resource from " + uri + ": not a JSON object", 200);
        }
        return node;
    }

    private Answer send(HttpRequest.Builder builder, Credentials credentials) {
        HttpRequest request = builder.header("Accept", MEDIA_TYPE).header("Authorization", credentials.header())
                .timeout(timeout).build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new TaxiiException("could not connect to " + request.uri().getAuthority() + " within 10 s", e);
        } catch (HttpTimeoutException e) {
            throw new TaxiiException("no answer from " + request.uri() + " within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new TaxiiException("could not reach " + request.uri().getAuthority() + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaxiiException("interrupted while talking to " + request.uri().getAuthority(), e);
        }
        byte[] body = read(response, request.uri());
        int status = response.statusCode();
        if (status >= 300) {
            throw new TaxiiException(statusMessage(status, request.uri(), response, body), status);
        }
        return new Answer(request.uri(), status, body, response.headers());
    }

    private byte[] read(HttpResponse<InputStream> response, URI uri) {
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxAnswerBytes + 1));
            if (body.length > maxAnswerBytes) {
                throw new TaxiiException("the answer from " + uri + " is larger than " + maxAnswerBytes + " bytes", response.statusCode());
            }
            return body;
        } catch (IOException e) {
            throw new TaxiiException("the answer from " + uri + " was cut off: " + describe(e), e);
        }
    }

    private String statusMessage(int status, URI uri, HttpResponse<?> response, byte[] body) {
        String meaning = switch (status) {
            case 401 -> "the peer refused the credentials (check the token)";
            case 403 -> "the peer's account may not read this (check its permissions and community membership)";
            case 404 -> "not found on the peer (check the API root and collection id)";
            case 406, 415 -> "the peer does not accept " + MEDIA_TYPE;
            case 413 -> "the peer refused a request this large";
            default -> status >= 300 && status < 400
                    ? "redirected to " + response.headers().firstValue("Location").orElse("?") + " (register that address instead)"
                    : "the peer failed";
        };
        String detail = "";
        try {
            JsonNode error = json.readTree(body);
            if (error != null && error.isObject()) {
                detail = error.path("title").asText(error.path("description").asText(""));
                if (detail.length() > 200) {
                    detail = detail.substring(0, 200) + "…";
                }
            }
        } catch (IOException ignored) {
            // the status says enough
        }
        return "HTTP " + status + " from " + uri + ": " + meaning + (detail.isBlank() ? "" : " (\"" + detail + "\")");
    }

    private JsonNode parse(Answer answer, String what) {
        try {
            JsonNode node = json.readTree(answer.body());
            if (node == null) {
                throw new TaxiiException("empty " + what + " answer from " + answer.uri(), answer.status());
            }
            return node;
        } catch (IOException e) {
            throw new TaxiiException("malformed " + what + " answer from " + answer.uri() + ": not JSON ("
                    + Optional.ofNullable(e.getMessage()).map(m -> m.lines().findFirst().orElse(m)).orElse("") + ")", answer.status());
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }

    private static URI collectionUri(String apiRoot, String collectionId, String rest) {
        return URI.create(slash(apiRoot) + "collections/" + encodePath(collectionId) + "/" + rest);
    }

    static String slash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String encodePath(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
