package org.vigie.server.exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import java.util.function.Function;

/**
 * {@code vigie export}: an HTTP client of a running Vigie that streams a STIX bundle into a file
 * (or standard output), printing a progress line of objects and bytes. It needs no database: it asks
 * the API, as the token's owner, so it exports exactly what that person may see.
 */
public final class ExportCommand {

    public static final String USAGE = """
              export (--report ID | --campaign ID | --community ID | --reports-query 'k=v&…' | --objects-query 'k=v&…')
                     [-o FILE] [--all-versions] [--url URL] [--token TOKEN]
                        Download a STIX 2.1 bundle from a running Vigie (default VIGIE_URL or
                        http://localhost:8080) with an API token (VIGIE_TOKEN or --token): a report,
                        a campaign, a community's feed, a report search (the reports list's filters)
                        or a knowledge search (type, q, owner, size). Writes FILE, else standard output.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> environment;

    public ExportCommand(PrintStream out, PrintStream err, Function<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    /** Runs the command; 0 when the bundle was written, 1 when the server refused or failed, 64 on a usage error. */
    public int run(List<String> options) {
        String path = null;
        Path file = null;
        String url = env("VIGIE_URL", "http://localhost:8080");
        String token = env("VIGIE_TOKEN", null);
        boolean allVersions = false;
        try {
            for (int i = 0; i < options.size(); i++) {
                String option = options.get(i);
                switch (option) {
                    case "--report" -> path = set(path, "/api/v1/reports/" + encode(value(options, ++i, option)) + "/stix");
                    case "--campaign" -> path = set(path, "/api/v1/campaigns/" + encode(value(options, ++i, option)) + "/stix");
                    case "--community" -> path = set(path, "/api/v1/communities/" + encode(value(options, ++i, option)) + "/stix");
                    case "--reports-query" -> path = set(path, "/api/v1/reports/stix" + query(value(options, ++i, option)));
                    case "--objects-query" -> path = set(path, "/api/v1/objects/export" + query(value(options, ++i, option)));
                    case "-o", "--output" -> file = Path.of(value(options, ++i, option));
                    case "--url" -> url = value(options, ++i, option);
                    case "--token" -> token = value(options, ++i, option);
                    case "--all-versions" -> allVersions = true;
                    default -> throw new IllegalArgumentException("unknown export option '" + option + "'");
                }
            }
            if (path == null) {
                throw new IllegalArgumentException("say what to export: --report, --campaign, --community, --reports-query or --objects-query");
            }
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("an API token is needed: set VIGIE_TOKEN or give --token (create one on your profile page)");
            }
        } catch (IllegalArgumentException e) {
            err.println("vigie export: " + e.getMessage());
            err.print(USAGE);
            return 64;
        }
        if (allVersions) {
            path += (path.contains("?") ? "&" : "?") + "versions=all";
        }
        return download(url.replaceAll("/+$", "") + path, token, file);
    }

    private int download(String address, String token, Path file) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<InputStream> response;
        try {
            URI uri = URI.create(address);
            response = client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/stix+json, application/json").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IllegalArgumentException e) {
            err.println("vigie export: '" + address + "' is not a URL.");
            return 1;
        } catch (IOException e) {
            err.println("vigie export: cannot reach Vigie at " + address + " (" + e.getMessage() + "); is it running? (--url, VIGIE_URL)");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        if (response.statusCode() != 200) {
            String detail = detail(response);
            err.println("vigie export: " + switch (response.statusCode()) {
                case 401 -> "the token was refused (401): check VIGIE_TOKEN or --token.";
                case 403 -> "not allowed (403)" + detail;
                case 404 -> "not found (404): no such set that you may see" + detail;
                case 400 -> "the request was refused (400)" + detail;
                default -> "Vigie answered " + response.statusCode() + detail;
            });
            return 1;
        }
        try {
            Path partial = file == null ? null : file.toAbsolutePath().resolveSibling(file.getFileName() + ".part");
            long[] totals;
            try (InputStream body = response.body();
                 OutputStream target = partial == null ? new NonClosing(out) : Files.newOutputStream(partial)) {
                totals = copyCounting(body, target, file != null);
            }
            if (partial != null) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            PrintStream report = file == null ? err : out;
            report.println("\rexported " + totals[0] + " objects, " + totals[1] + " bytes" + (file == null ? "" : " to " + file));
            return 0;
        } catch (IOException e) {
            err.println("\nvigie export: the download failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Copies the bundle as it arrives, parsing it on the way to count the objects (the objects of
     * the bundle's {@code objects} array): nothing is held in memory but the parser's buffer.
     */
    private long[] copyCounting(InputStream body, OutputStream target, boolean progress) throws IOException {
        long[] bytes = {0};
        InputStream tee = new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    target.write(b);
                    bytes[0]++;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    target.write(buffer, offset, n);
                    bytes[0] += n;
                }
                return n;
            }
        };
        long objects = 0;
        long lastShown = System.nanoTime();
        PrintStream progressLine = progress ? out : err;
        try (JsonParser parser = new JsonFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE).createParser(tee)) {
            int depth = 0;
            boolean inObjects = false;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    if (depth == 1 && token == JsonToken.START_ARRAY && "objects".equals(parser.currentName())) {
                        inObjects = true;
                    } else if (depth == 2 && inObjects && token == JsonToken.START_OBJECT) {
                        objects++;
                    }
                    depth++;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                    if (depth == 1) {
                        inObjects = false;
                    }
                }
                if (System.nanoTime() - lastShown > 500_000_000L) {
                    progressLine.print("\r" + objects + " objects, " + bytes[0] + " bytes");
                    progressLine.flush();
                    lastShown = System.nanoTime();
                }
            }
            byte[] rest = new byte[8192];
            while (tee.read(rest, 0, rest.length) > 0) {
                // the parser stops at the end of the bundle; copy any trailing bytes too
            }
        }
        return new long[] {objects, bytes[0]};
    }

    private static String detail(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            String text = new String(body.readNBytes(4096), StandardCharsets.UTF_8);
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(text);
            return matcher.find() ? ": " + matcher.group(1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String set(String current, String path) {
        if (current != null) {
            throw new IllegalArgumentException("export one set at a time");
        }
        return path;
    }

    private static String query(String text) {
        String query = text.strip();
        if (query.startsWith("?")) {
            query = query.substring(1);
        }
        StringBuilder encoded = new StringBuilder();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            encoded.append(encoded.length() == 0 ? "?" : "&").append(encode(name)).append('=').append(encode(value));
        }
        return encoded.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String value(List<String> options, int index, String option) {
        if (index >= options.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return options.get(index);
    }

    private String env(String name, String fallback) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Standard output stays open after the bundle is written. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

}
