package org.vigie.detect.cli;

import java.util.Arrays;
import java.util.List;

/**
 * Runs {@code detect} or {@code bench detect} straight from the detect module's jar and its one dependency
 * (jackson-core), without the server: {@code java -cp ... org.vigie.detect.cli.DetectMain detect --input ...}.
 * {@code ./vigie} goes through the server's command line instead, which calls the same classes.
 */
public final class DetectMain {
    private DetectMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> list = Arrays.asList(args);
        int status;
        if (!list.isEmpty() && list.get(0).equals("detect")) {
            status = new DetectCommand(System.out, System.err).run(list.subList(1, list.size()));
        } else if (list.size() >= 2 && list.get(0).equals("bench") && list.get(1).equals("detect")) {
            try {
                status = new DetectBenchmark(System.out, System.err).run(list.subList(2, list.size()));
            } catch (IllegalArgumentException e) {
                System.err.println("vigie bench detect: " + e.getMessage());
                status = 64;
            }
        } else {
            System.err.print("Usage: detect ...\n" + DetectCommand.USAGE + DetectBenchmark.USAGE);
            status = 64;
        }
        System.exit(status);
    }
}
