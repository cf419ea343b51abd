package org.vigie.server.taxii;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;

/** A TAXII 2.1 client for tests: the headers a TAXII client sends, over real HTTP. */
final class TaxiiClient {

    static final String TAXII = "application/taxii+json;version=2.1";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;
    private final String authorization;

    private TaxiiClient(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    static TaxiiClient anonymous(int port) {
        return new TaxiiClient("http://127.0.0.1:" + port, null);
    }

    /** An API token for the account (created with its password, as a user would on the profile page). */
    static String token(int port, String username) {
        Api.Response created = Api.anonymous(port).basic(username, Fixtures.PASSWORD)
                .post("/api/v1/auth/tokens", Map.of("name", Fixtures.unique("taxii")));
        if (created.status() != 201) {
            throw new IllegalStateException(created.toString());
        }
        return created.json().get("token").asText();
    }

    TaxiiClient bearer(String token) {
        return new TaxiiClient(base, "Bearer " + token);
    }

    TaxiiClient basic(String username, String secret) {
        return new TaxiiClient(base, "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    Api.Response get(String path) {
        return get(path, TAXII);
    }

    Api.Response get(String path, String accept) {
        HttpRequest.Builder request = request(path);
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request.GET());
    }

    Api.Response delete(String path) {
        return send(request(path).header("Accept", TAXII).DELETE());
    }

    Api.Response post(String path, String body) {
        return post(path, TAXII, body);
    }

    Api.Response post(String path, String contentType, String body) {
        return send(request(path).header("Accept", TAXII).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST without Content-Length (chunked), as a streaming client sends a body of unknown size. */
    Api.Response postChunked(String path, byte[] body) {
        return send(HttpClient.newHttpClient(), request(path).header("Accept", TAXII).header("Content-Type", TAXII)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    /** A POST with Content-Length (its own connection: a refused body makes the server close it). */
    Api.Response postBytes(String path, byte[] body) {
        return send(HttpClient.newHttpClient(), request(path).header("Accept", TAXII).header("Content-Type", TAXII)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static Api.Response send(HttpRequest.Builder request) {
        return send(HTTP, request);
    }

    private static Api.Response send(HttpClient client, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
