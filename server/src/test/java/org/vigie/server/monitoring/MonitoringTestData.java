package org.vigie.server.monitoring;

/** The monitoring tests' datasets, for tests in other packages (the browser tests). */
public final class MonitoringTestData {

    private MonitoringTestData() {
    }

    /** Vigie CSV with a planted group of {@code size} accounts ({@code <prefix>coord<i>}) and organic accounts around it. */
    public static byte[] plantedCsv(String prefix, int size, int organicAccounts) {
        return PlantedPosts.csv(prefix, size, organicAccounts);
    }
}
