package org.vigie.server.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Elections and incident reports through the public API, for tests of what is built on reports
 * (campaigns, the election overview). A report starts from sensible defaults; {@link Draft#with}
 * changes any field of the API's request.
 */
public final class ReportFiling {

    private ReportFiling() {
    }

    /** Creates an election with a unique name, as the platform administrator. */
    public static UUID election(Fixtures fixtures) {
        Api.Response created = fixtures.admin().post("/api/v1/elections", Map.of("name", Fixtures.unique("Election"), "country", "FR",
                "type", "LEGISLATIVE", "electionDay", "2027-06-13"));
        if (created.status() != 201) {
            throw new IllegalStateException("could not create an election: " + created);
        }
        return UUID.fromString(created.json().get("id").asText());
    }

    /** A report's request: CLEAR, attempted, in the campaign phase, with the given observables. */
    public static Draft report(String title, UUID election, String... observables) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", title);
        report.put("summary", "Test report.");
        report.put("types", List.of("PHISHING"));
        report.put("outcome", "ATTEMPTED");
        report.put("phase", "CAMPAIGN");
        report.put("electionId", election == null ? null : election.toString());
        report.put("firstSeen", "2026-10-05T08:00:00Z");
        report.put("disarmTechniques", List.of("T0085"));
        report.put("observables", java.util.Arrays.stream(observables).map(o -> Map.of("value", o)).toList());
        report.put("tlp", "CLEAR");
        return new Draft(report);
    }

    public record Draft(Map<String, Object> fields) {

        public Draft with(String key, Object value) {
            Map<String, Object> copy = new LinkedHashMap<>(fields);
            copy.put(key, value);
            return new Draft(copy);
        }

        /** Files the report as this client; answers its id. */
        public String fileAs(Api who) {
            Api.Response filed = who.post("/api/v1/reports", fields);
            if (filed.status() != 201) {
                throw new IllegalStateException("could not file a report: " + filed);
            }
            return filed.json().get("id").asText();
        }
    }
}
