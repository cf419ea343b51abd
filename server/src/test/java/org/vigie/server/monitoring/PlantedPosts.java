package org.vigie.server.monitoring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vigie.server.support.Api;

/**
 * Small datasets in Vigie's CSV schema for the monitoring tests: organic accounts posting their own links
 * at random times, and a planted group whose members post the same links within seconds, {@value #WAVES} times.
 * The defaults down-weight objects shared by a large part of the accounts (IDF, "rare co-shares"), so the
 * organic population is raised to at least {@code size² / 2 + 40} accounts: a planted link then stays rare
 * enough for a planted group of any size to count as coordination (docs/detect/quality.md).
 */
final class PlantedPosts {

    static final String HEADER = "post_id,account_id,account_name,platform,timestamp,text,urls,hashtags\n";
    static final long START = 1_630_000_000L; // 2021-08-26
    static final int WAVES = 8;

    private PlantedPosts() {
    }

    /** The planted accounts' ids: {@code <prefix>coord<i>}. */
    static List<String> planted(String prefix, int size) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ids.add(prefix + "coord" + i);
        }
        return ids;
    }

    /** The links the planted group pushes. */
    static List<String> links(String prefix) {
        List<String> links = new ArrayList<>();
        for (int wave = 0; wave < WAVES; wave++) {
            links.add("https://" + prefix + "-news.example/story/" + wave);
        }
        return links;
    }

    /** How many organic accounts {@link #csv} writes for a planted group of {@code plantedSize}. */
    static int organicAccounts(int plantedSize, int organicAccounts) {
        return Math.max(organicAccounts, plantedSize * plantedSize / 2 + 40);
    }

    /** How many posts {@link #csv} writes: one per planted account and wave, three per organic account. */
    static int posts(int plantedSize, int organicAccounts) {
        return WAVES * plantedSize + 3 * organicAccounts(plantedSize, organicAccounts);
    }

    static byte[] csv(String prefix, int plantedSize, int organicAccounts) {
        int organic = organicAccounts(plantedSize, organicAccounts);
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder(HEADER);
        int post = 0;
        for (int wave = 0; wave < WAVES; wave++) {
            long at = START + wave * 7200L;
            for (String account : planted(prefix, plantedSize)) {
                csv.append(prefix).append("p").append(post++).append(',').append(account).append(',').append(account).append(",twitter,")
                        .append(at + random.nextInt(20)).append(",\"look at this, wave ").append(wave).append(" ").append(account)
                        .append("\",").append(links(prefix).get(wave)).append(",\n");
            }
        }
        for (int a = 0; a < organic; a++) {
            for (int p = 0; p < 3; p++) {
                csv.append(prefix).append("p").append(post++).append(',').append(prefix).append("organic").append(a).append(",name,twitter,")
                        .append(START + random.nextInt(WAVES * 7200)).append(",\"my own thoughts number ").append(post)
                        .append("\",https://blog.example/").append(prefix).append('/').append(post).append(",\n");
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Polls the run until it has ended; fails after a minute. */
    static Api.Response awaitEnd(Api api, String run) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Api.Response answer = api.get("/api/v1/monitoring/runs/" + run);
            String state = answer.json().path("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return answer;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + run + " did not end within a minute");
    }
}
