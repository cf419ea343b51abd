package org.vigie.server;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vigie.core.audit.ChainVerifier.ChainVerification;
import org.vigie.server.audit.AuditChainCheck;
import org.vigie.server.database.CommandLineDatabase;
import org.vigie.server.database.DataDirectory;
import org.vigie.server.database.DataDirectoryInUseException;

/**
 * Parses Vigie's command line. {@code serve} checks what would make the server fail late (a port in
 * use, a data directory held by another Vigie) before starting anything, so those fail at once
 * with a plain message; other commands run and return an exit status.
 */
final class VigieCommandLine {

    static final int KEEP_RUNNING = -1;
    static final String USAGE = """
            Usage: vigie <command> [options]

            Commands:
              serve [--port 8080] [--data ./data] [--demo]
                        Start Vigie: web UI and API at http://localhost:PORT/, data in DIR.
                        --demo seeds a fictional election context with one account per role.
              audit verify [--data ./data]
                        Check the audit log's hash chain; names the first broken entry, if any.
                        Works on a stopped Vigie's data directory or beside a running one.
              bench knowledge [--objects 1000000] [--queries 300] [--seed N]
                        Load objects with mixed markings into a throwaway store and print insert
                        throughput and policy-filtered list and search latency.
              bench reports [--reports 100000] [--observables-per-report 10] [--lookups 1000] [--seed N]
                        Load reports with clustered observables into a throwaway store and print
                        load throughput and correlation lookup latency, with the lookup's plan.
              bench taxii [--objects 1000000] [--pages 200] [--seed N]
                        Load objects with mixed markings into a throwaway store and print the latency
                        of TAXII GET objects pages of 1,000 (p50/p95/p99), with the query plans.
              bench alerts [--subscribers 1000] [--warm-up 8] [--reports 5] [--per-host 64]
                        Subscribe webhooks served by a receiver in this process, file reports and print
                        the time from each report's commit to each delivery (p50/p99) and deliveries/s;
                        the --warm-up reports come first and are not counted (the first one is shown as
                        "cold"). --per-host: delivery slots per receiver
                        (vigie.webhooks.max-concurrent-per-host).
              bench import [--objects 1000000] [--seed N]
                        Write a bundle of indicators, observables and relationships to a temporary
                        file and import it through the STIX import into a throwaway store; print
                        objects/s and the peak heap.
              bench review [--referrals 1000] [--runs 5] [--pdf-runs 1]
                        Seed one election's panel with N referrals and their whole record, then generate
                        its independent-review dossier as an administrator: generation and HTML rendering
                        times (median) against the 3 s target, and the PDF's layout time, pages and size.
            """ + org.vigie.detect.cli.DetectBenchmark.USAGE + org.vigie.detect.cli.DetectCommand.USAGE + """
              import FILE [--tlp GREEN] [--pap GREEN] [--community ID]... [--organisation ID]...
                     [--user ID]... [--partial] [--format stix|misp] [--url URL] [--token TOKEN]
                        Import a STIX 2.1 bundle or a MISP event into a running Vigie (VIGIE_URL, else
                        http://localhost:8080; token from VIGIE_TOKEN): upload with progress, follow the
                        job, print the summary; exit 0 when stored, 1 otherwise. Ctrl-C cancels.
            """ + org.vigie.server.exchange.ExportCommand.USAGE + """

            Environment:
              VIGIE_DB_URL, VIGIE_DB_USER, VIGIE_DB_PASSWORD   use this PostgreSQL instead of the embedded one
              VIGIE_ADMIN_PASSWORD                             password of 'admin' on first start (else generated)
              VIGIE_URL, VIGIE_TOKEN                           import, export: the running Vigie and the API token to send
              VIGIE_ALLOW_PRIVATE_WEBHOOKS=true                let webhooks reach loopback/private addresses (closed networks only)
            """;

    private final PrintStream out;
    private final PrintStream err;

    VigieCommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (args.length == 0 || args[0].startsWith("--spring") || args[0].startsWith("--server") || args[0].startsWith("--vigie")) {
            VigieApplication.serve(args); // plain "java -jar": Spring Boot arguments as they are
            return KEEP_RUNNING;
        }
        try {
            return switch (args[0]) {
                case "serve" -> serve(rest(args, 1));
                case "detect" -> new org.vigie.detect.cli.DetectCommand(out, err).run(rest(args, 1));
                case "import" -> new org.vigie.server.imports.ImportCommand(out, err, System.getenv()).run(rest(args, 1));
                case "audit" -> args.length > 1 && args[1].equals("verify") ? auditVerify(rest(args, 2)) : usage("unknown audit command");
                case "bench" -> args.length < 2 ? usage("name a benchmark: knowledge, reports, taxii, import, alerts, review or detect")
                        : args[1].equals("knowledge") ? benchKnowledge(rest(args, 2))
                        : args[1].equals("reports") ? benchReports(rest(args, 2))
                        : args[1].equals("taxii") ? benchTaxii(rest(args, 2))
                        : args[1].equals("import") ? benchImport(rest(args, 2))
                        : args[1].equals("alerts") ? benchAlerts(rest(args, 2))
                        : args[1].equals("detect") ? benchDetect(rest(args, 2))
                        : args[1].equals("review") ? benchReview(rest(args, 2))
                        : usage("unknown benchmark '" + args[1] + "'");
                case "export" -> new org.vigie.server.exchange.ExportCommand(out, err, System::getenv).run(rest(args, 1));
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> usage("unknown command '" + args[0] + "'");
            };
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
    }

    private int serve(List<String> options) {
        List<String> spring = new ArrayList<>();
        Path data = Path.of(env("VIGIE_DATA", "./data"));
        int port = 8080;
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            switch (option) {
                case "--port" -> port = parsePort(value(options, ++i, option));
                case "--data" -> data = Path.of(value(options, ++i, option));
                case "--demo" -> spring.add("--vigie.demo=true");
                default -> {
                    if (!option.startsWith("--")) {
                        throw new IllegalArgumentException("unexpected argument '" + option + "'");
                    }
                    spring.add(option); // pass Spring Boot properties through, e.g. --logging.level.root=debug
                }
            }
        }
        if (!portFree(port)) {
            err.println("Vigie cannot start: port " + port + " is already in use. Stop what uses it, or choose another with --port.");
            return 1;
        }
        try (DataDirectory probe = DataDirectory.lock(data)) {
            // released at once: the server takes the lock for itself as it starts
        } catch (DataDirectoryInUseException e) {
            err.println("Vigie cannot start: " + e.getMessage());
            return 1;
        }
        spring.add("--server.port=" + port);
        spring.add("--vigie.data=" + data.toAbsolutePath().normalize());
        defaultPublicUrl(spring, System.getenv("VIGIE_PUBLIC_URL"), port).ifPresent(spring::add);
        VigieApplication.serve(spring.toArray(String[]::new));
        return KEEP_RUNNING;
    }

    /**
     * Links in e-mails and on the public site name {@code VIGIE_PUBLIC_URL}; when it is not set (nor passed as a
     * property), they should name the port this server answers on, not the default 8080.
     */
    static java.util.Optional<String> defaultPublicUrl(List<String> springArguments, String publicUrlVariable, int port) {
        boolean given = (publicUrlVariable != null && !publicUrlVariable.isBlank())
                || springArguments.stream().anyMatch(a -> a.startsWith("--vigie.alerts.public-url="))
                || System.getProperty("vigie.alerts.public-url") != null;
        return given ? java.util.Optional.empty() : java.util.Optional.of("--vigie.alerts.public-url=http://localhost:" + port);
    }

    /** Runs the detection benchmark: no database, no Spring context, the detect module only. */
    private int benchDetect(List<String> options) {
        try {
            return new org.vigie.detect.cli.DetectBenchmark(out, err).run(options);
        } catch (java.io.IOException e) {
            err.println("vigie bench detect: " + e.getMessage());
            return 1;
        }
    }

    private int auditVerify(List<String> options) {
        quietLogs();
        Path data = Path.of(env("VIGIE_DATA", "./data"));
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).equals("--data")) {
                data = Path.of(value(options, ++i, "--data"));
            } else {
                throw new IllegalArgumentException("unexpected argument '" + options.get(i) + "'");
            }
        }
        try (CommandLineDatabase database = CommandLineDatabase.open(data, System.getenv("VIGIE_DB_URL"),
                System.getenv("VIGIE_DB_USER"), System.getenv("VIGIE_DB_PASSWORD"))) {
            out.println("Verifying the audit chain in " + database.description() + " ...");
            ChainVerification result = new AuditChainCheck(database.dataSource()).verify();
            if (result.intact()) {
                out.println("Audit chain intact: " + result.entriesChecked() + " entries verified; head #" + result.headSequence()
                        + " " + result.headHash());
                return 0;
            }
            out.println("AUDIT CHAIN BROKEN at entry #" + result.brokenLink().get().sequence() + ": " + result.brokenLink().get().reason());
            out.println(result.entriesChecked() + " entries before it verified.");
            return 1;
        } catch (IllegalArgumentException | IllegalStateException | DataDirectoryInUseException e) {
            err.println("Cannot verify the audit log: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("Cannot verify the audit log: " + e);
            return 2;
        }
    }

    /**
     * Runs the knowledge-store benchmark in a throwaway data directory (deleted afterwards), with the
     * application started without its web server.
     */
    private int benchKnowledge(List<String> options) {
        int objects = 1_000_000;
        int queries = 300;
        long seed = 20271;
        for (int i = 0; i < options.size(); i++) {
            switch (options.get(i)) {
                case "--objects" -> objects = Integer.parseInt(value(options, ++i, "--objects"));
                case "--queries" -> queries = Integer.parseInt(value(options, ++i, "--queries"));
                case "--seed" -> seed = Long.parseLong(value(options, ++i, "--seed"));
                default -> throw new IllegalArgumentException("unexpected argument '" + options.get(i) + "'");
            }
        }
        int objectCount = objects;
        int queryCount = queries;
        long chosenSeed = seed;
        return inScratchApplication(context -> context.getBean(org.vigie.server.knowledge.KnowledgeBenchmark.class)
                .run(objectCount, queryCount, chosenSeed, out));
    }

    /** Runs the import benchmark (a generated bundle through the STIX import) in a throwaway data directory. */
    private int benchImport(List<String> options) {
        int objects = 1_000_000;
        long seed = 20271;
        for (int i = 0; i < options.size(); i++) {
            switch (options.get(i)) {
                case "--objects" -> objects = positive(value(options, ++i, "--objects"), "--objects");
                case "--seed" -> seed = Long.parseLong(value(options, ++i, "--seed"));
                default -> throw new IllegalArgumentException("unexpected argument '" + options.get(i) + "'");
            }
        }
        int objectCount = objects;
        long chosenSeed = seed;
        return inScratchApplication(context -> context.getBean(org.vigie.server.imports.ImportBenchmark.class)
                .run(objectCount, chosenSeed, out));
    }

    /** Runs the reports benchmark (correlation lookups) in a throwaway data directory, like {@code bench knowledge}. */
    private int benchReports(List<String> options) {
        int reports = 100_000;
        int observables = 10;
        int lookups = 1_000;
        long seed = 20271;
        for (int i = 0; i < options.size(); i++) {
            switch (options.get(i)) {
                case "--reports" -> reports = positive(value(options, ++i, "--reports"), "--reports");
                case "--observables-per-report" -> observables = positive(value(options, ++i, "--observables-per-report"),
                        "--observables-per-report");
                case "--lookups" -> lookups = positive(value(options, ++i, "--lookups"), "--lookups");
                case "--seed" -> seed = Long.parseLong(value(options, ++i, "--seed"));
                default -> throw new IllegalArgumentException("unexpected argument '" + options.get(i) + "'");
            }
        }
        var settings = new org.vigie.server.reports.ReportsBenchmark.Settings(reports, observables, lookups, seed);
        return inScratchApplication(context -> context.getBean(org.vigie.server.reports.ReportsBenchmark.class).run(settings, out));
    }

    /** Runs the TAXII server benchmark (pages of GET objects) in a throwaway data directory, like {@code bench knowledge}. */
    private int benchTaxii(List<String> options) {
        int objects = 1_000_000;
        int pages = 200;
        long seed = 20271;
        for (int i = 0; i < options.size(); i++) {
            switch (options.get(i)) {
                case "--objects" -> objects = positive(value(options, ++i, "--objects"), "--objects");
                case "--pages" -> pages = positive(value(options, ++i, "--pages"), "--pages");
                case "--seed" -> seed = Long.parseLong(value(options, ++i, "--seed"));
                default -> throw new IllegalArgumentException("unexpected argument '" + options.get(i) + "'");
            }
        }
        var settings = new org.vigie.server.taxii.TaxiiBenchmark.Settings(objects, pages, seed);
        return inScratchApplication(context -> context.getBean(org.vigie.server.taxii.TaxiiBenchmark.class).run(settings, out));
    }

    /** Runs the independent-review benchmark (a seeded election's dossier, page and PDF) in a throwaway data directory. */
    private int benchReview(List<String> options) {
        int referrals = 1_000;
        int runs = 5;
        int pdfRuns = 1;
        for (int i = 0; i < options.size(); i++) {
            switch (options.get(i)) {
                case "--referrals" -> referrals = positive(value(options, ++i, "--referrals"), "--referrals");
                case "--runs" -> runs = positive(value(options, ++i, "--runs"), "--runs");
                case "--pdf-runs" -> {
                    String text = value(options, ++i, "--pdf-runs");
                    pdfRuns = "0".equals(text.strip()) ? 0 : positive(text, "--pdf-runs (0 for none)");
                }
                default -> throw new IllegalArgumentException("unexpected argument '" + options.get(i) + "'");
            }
        }
        var settings = new org.vigie.server.panelreview.ReviewBenchmark.Settings(referrals, runs, pdfRuns);
        return inScratchApplication(context -> context.getBean(org.vigie.server.panelreview.ReviewBenchmark.class).run(settings, out));
    }

    /**
     * Runs the alerts benchmark (webhook deliveries from a report's commit) in a throwaway data directory,
     * with internal webhook targets allowed (its receiver is on 127.0.0.1) and the delivery loop running.
     */
    private int benchAlerts(List<String> options) {
        int subscribers = 1_000;
        int warmUp = 8;
        int reports = 5;
        int perHost = 64;
        for (int i = 0; i < options.size(); i++) {
            switch (options.get(i)) {
                case "--subscribers" -> subscribers = positive(value(options, ++i, "--subscribers"), "--subscribers");
                case "--reports" -> reports = positive(value(options, ++i, "--reports"), "--reports");
                case "--warm-up" -> warmUp = nonNegative(value(options, ++i, "--warm-up"), "--warm-up");
                case "--per-host" -> perHost = positive(value(options, ++i, "--per-host"), "--per-host");
                default -> throw new IllegalArgumentException("unexpected argument '" + options.get(i) + "'");
            }
        }
        var settings = new org.vigie.server.reports.AlertsBenchmark.Settings(subscribers, warmUp, reports);
        return inScratchApplication(context -> context.getBean(org.vigie.server.reports.AlertsBenchmark.class).run(settings, out),
                "--vigie.webhooks.allow-private-targets=true", "--vigie.alerts.scheduled=true",
                "--vigie.webhooks.max-concurrent-per-host=" + perHost,
                "--vigie.webhooks.max-concurrent=" + Math.max(perHost, 64));
    }

    /**
     * Starts the application without its web server on a throwaway data directory (always the embedded
     * database, whatever VIGIE_DB_URL says), runs the benchmark, stops and deletes it all.
     */
    private int inScratchApplication(java.util.function.Consumer<org.springframework.context.ConfigurableApplicationContext> benchmark,
                                     String... extraArguments) {
        Path scratch;
        try {
            scratch = java.nio.file.Files.createTempDirectory("vigie-bench-");
        } catch (IOException e) {
            err.println("Cannot create a scratch directory: " + e.getMessage());
            return 2;
        }
        quietLogs();
        try (var context = new org.springframework.boot.builder.SpringApplicationBuilder(VigieApplication.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .run(java.util.stream.Stream.concat(java.util.stream.Stream.of("--vigie.data=" + scratch, "--vigie.db.url=",
                        "--logging.level.root=WARN", "--spring.main.banner-mode=off"), java.util.stream.Stream.of(extraArguments))
                        .toArray(String[]::new))) {
            benchmark.accept(context);
            return 0;
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(scratch.toFile());
        }
    }

    private static int nonNegative(String text, String option) {
        return "0".equals(text.strip()) ? 0 : positive(text, option.equals("--warm-up") ? option + " (0 for none)" : option);
    }

    private static int positive(String text, String option) {
        try {
            int value = Integer.parseInt(text.replace("_", "").replace(",", ""));
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number of 1 or more, not '" + text + "'");
        }
    }

    /** A command prints its answer, not the embedded database's start-up chatter. */
    private static void quietLogs() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private int usage(String problem) {
        err.println("vigie: " + problem);
        err.print(USAGE);
        return 64;
    }

    private static List<String> rest(String[] args, int from) {
        return List.of(args).subList(Math.min(from, args.length), args.length);
    }

    private static String value(List<String> options, int index, String option) {
        if (index >= options.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return options.get(index);
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number from 1 to 65535, not '" + text + "'");
        }
    }

    static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
