package org.vigie.server.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code vigie import FILE}: an HTTP client of a running Vigie. Detects the file's format (a MISP
 * event, {@code {"Event": …}} or {@code {"response": …}}, goes to {@code /api/v1/import/misp}; anything
 * else to {@code /api/v1/import/stix}), uploads it as the request body with a progress line, follows the
 * job until it ends, prints the summary and answers 0 when the import committed, 1 otherwise. Ctrl-C
 * while the job runs cancels it. No Spring: it starts in a fraction of a second.
 */
public final class ImportCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    public ImportCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    /** Parsed options. */
    record Options(Path file, String url, String token, String format, List<String> query) {
    }

    /** @return the exit status: 0 stored, 1 not stored (refused, failed, cancelled), 2 could not talk to Vigie, 64 usage */
    public int run(List<String> arguments) {
        Options options;
        try {
            options = parse(arguments);
        } catch (IllegalArgumentException e) {
            err.println("vigie import: " + e.getMessage());
            return 64;
        }
        try {
            return importFile(options);
        } catch (IOException e) {
            err.println("vigie import: cannot reach Vigie at " + options.url() + ": " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    Options parse(List<String> arguments) {
        Path file = null;
        String url = environment.getOrDefault("VIGIE_URL", "http://localhost:8080");
        String token = environment.get("VIGIE_TOKEN");
        String format = null;
        List<String> query = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            switch (argument) {
                case "--tlp", "--pap", "--community", "--organisation", "--user" ->
                        query.add(argument.substring(2) + "=" + URLEncoder.encode(value(arguments, ++i, argument), StandardCharsets.UTF_8));
                case "--partial" -> query.add("partial=true");
                case "--format" -> {
                    format = value(arguments, ++i, argument);
                    if (!format.equals("stix") && !format.equals("misp")) {
                        throw new IllegalArgumentException("--format is stix or misp, not '" + format + "'");
                    }
                }
                case "--url" -> url = value(arguments, ++i, argument);
                case "--token" -> token = value(arguments, ++i, argument);
                default -> {
                    if (argument.startsWith("--") || file != null) {
                        throw new IllegalArgumentException("unexpected argument '" + argument + "'");
                    }
                    file = Path.of(argument);
                }
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("name the file to import: vigie import FILE [--tlp GREEN] ...");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no file " + file);
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("give an API token with --token or VIGIE_TOKEN (create one on your profile page)");
        }
        return new Options(file, url.endsWith("/") ? url.substring(0, url.length() - 1) : url, token, format, query);
    }

    private int importFile(Options options) throws IOException, InterruptedException {
        String format = options.format() != null ? options.format() : detect(options.file());
        long size = Files.size(options.file());
        List<String> query = new ArrayList<>(options.query());
        query.add("async=true");
        query.add("filename=" + URLEncoder.encode(options.file().getFileName().toString(), StandardCharsets.UTF_8));
        URI endpoint = URI.create(options.url() + "/api/v1/import/" + format + "?" + String.join("&", query));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        out.printf("Importing %s (%s, %s) into %s%n", options.file(), format.equals("misp") ? "MISP event" : "STIX bundle", size(size),
                options.url());
        AtomicLong sent = new AtomicLong();
        Thread uploadProgress = ticker(() -> out.printf("\r  uploading %s of %s (%d %%)   ", size(sent.get()), size(size),
                size == 0 ? 100 : 100 * sent.get() / size));
        HttpResponse<String> answer;
        try {
            HttpRequest request = authorised(HttpRequest.newBuilder(endpoint), options)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> counting(options.file(), sent)),
                            size))
                    .build();
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } finally {
            uploadProgress.interrupt();
        }
        out.printf("\r  uploaded %s%s%n", size(sent.get()), " ".repeat(30));
        if (answer.statusCode() != 202 && answer.statusCode() != 200) {
            err.println(problem(answer));
            return answer.statusCode() == 401 || answer.statusCode() == 403 ? 2 : 1;
        }
        String location = answer.headers().firstValue("Location").orElse(null);
        if (location == null) {
            out.println(answer.body()); // an import answered at once, without a job
            return 0;
        }
        URI job = URI.create(options.url()).resolve(location);
        AtomicReference<String> state = new AtomicReference<>("RUNNING");
        Thread cancelOnInterrupt = new Thread(() -> {
            if ("RUNNING".equals(state.get())) {
                err.println();
                err.println("Interrupted: cancelling the import...");
                try {
                    http.send(authorised(HttpRequest.newBuilder(URI.create(job + "/cancel")), options)
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                    for (int i = 0; i < 100 && "RUNNING".equals(state.get()); i++) {
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException e) {
                    err.println("Could not cancel the import: " + e.getMessage());
                }
            }
        }, "vigie-import-cancel");
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        JsonNode view;
        try {
            while (true) {
                HttpResponse<String> polled = http.send(authorised(HttpRequest.newBuilder(job), options).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (polled.statusCode() != 200) {
                    err.println(problem(polled));
                    return 2;
                }
                view = JSON.readTree(polled.body());
                JsonNode progress = view.path("progress");
                out.printf("\r  %s: read %s of %s, %,d objects validated, %,d written   ", view.path("state").asText(),
                        size(progress.path("bytesRead").asLong()), size(progress.path("bytesTotal").asLong()),
                        progress.path("objectsValidated").asLong(), progress.path("objectsWritten").asLong());
                if (!view.path("state").asText().equals("RUNNING")) {
                    state.set(view.path("state").asText());
                    break;
                }
                Thread.sleep(500);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for the final state printed below
            }
        }
        out.println();
        return summary(view, job);
    }

    private int summary(JsonNode job, URI location) {
        JsonNode counts = job.path("counts");
        String state = job.path("state").asText();
        out.printf("%s: %,d objects: %,d stored, %,d new versions, %,d unchanged, %,d rejected; %,d reports%n", state,
                job.path("progress").path("objectsRead").asLong(), counts.path("stored").asLong(), counts.path("newVersions").asLong(),
                counts.path("unchanged").asLong(), counts.path("rejected").asLong(), counts.path("reports").asLong());
        if (!job.path("error").isNull() && !job.path("error").asText().isEmpty()) {
            out.println(job.path("error").asText());
        }
        int shown = 0;
        for (JsonNode rejected : job.path("rejected")) {
            if (shown++ == 10) {
                out.printf("  ... and %,d more: see the report%n", counts.path("rejected").asLong() - 10);
                break;
            }
            for (JsonNode problem : rejected.path("problems")) {
                out.printf("  object %d (%s): %s: %s%n", rejected.path("index").asLong(), rejected.path("id").asText(),
                        problem.path("pointer").asText(), problem.path("message").asText());
            }
        }
        out.println("Per-object report: " + location + "/report");
        return state.equals("SUCCEEDED") ? 0 : 1;
    }

    /** MISP when the top-level object has "Event" or "response" (MISP's event and search exports); STIX otherwise. */
    static String detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = JSON.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "stix";
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (field.equals("Event") || field.equals("response")) {
                    return "misp";
                }
                if (field.equals("type") || field.equals("objects")) {
                    return "stix";
                }
                parser.nextToken();
                parser.skipChildren();
            }
            return "stix";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "stix"; // the server names what is wrong, with the line and column
        }
    }

    private static HttpRequest.Builder authorised(HttpRequest.Builder request, Options options) {
        return request.header("Authorization", "Bearer " + options.token()).header("Accept", "application/json, application/problem+json");
    }

    private static InputStream counting(Path file, AtomicLong sent) {
        try {
            return new java.io.FilterInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        sent.addAndGet(n);
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String problem(HttpResponse<String> answer) {
        try {
            JsonNode problem = JSON.readTree(answer.body());
            StringBuilder text = new StringBuilder("Vigie answered " + answer.statusCode() + ": " + problem.path("detail").asText(answer.body()));
            int shown = 0;
            for (JsonNode error : problem.path("errors")) {
                if (shown++ == 10) {
                    break;
                }
                text.append("\n  ").append(error.has("pointer") ? error.path("pointer").asText() + ": " : "")
                        .append(error.has("field") ? error.path("field").asText() + ": " : "").append(error.path("message").asText());
            }
            return text.toString();
        } catch (IOException e) {
            return "Vigie answered " + answer.statusCode() + ": " + answer.body();
        }
    }

    private Thread ticker(Runnable tick) {
        Thread thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    tick.run();
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vigie-import-progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static String size(long bytes) {
        if (bytes >= 1 << 30) {
            return String.format("%.1f GB", bytes / (double) (1 << 30));
        }
        if (bytes >= 1 << 20) {
            return String.format("%.1f MB", bytes / (double) (1 << 20));
        }
        if (bytes >= 1 << 10) {
            return String.format("%.1f KB", bytes / (double) (1 << 10));
        }
        return bytes + " bytes";
    }

    private static String value(List<String> arguments, int index, String option) {
        if (index >= arguments.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return arguments.get(index);
    }
}
