package org.vigie.server.elections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.vigie.core.organisations.CountryCode;

/**
 * What an election must satisfy, in one place: the service enforces it for every caller, and the
 * form asks it first so that a person sees every problem at once. Fields are named as in the API.
 */
final class ElectionRules {

    static final int NAME_MAX = 200;
    static final int DESCRIPTION_MAX = 4000;
    /** Dates outside these are typing mistakes (20277 for 2027), not elections. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    /** A broken rule: the field, a message key for forms, and an English sentence for the API. */
    record Problem(String field, String messageKey, String detail) {
    }

    private ElectionRules() {
    }

    /** @param election normalised details (see {@link ElectionDetails#normalised()}) */
    static List<Problem> check(ElectionDetails election) {
        List<Problem> problems = new ArrayList<>();
        if (election.name() == null || election.name().isBlank()) {
            problems.add(new Problem("name", "election.name.required", "A name is required."));
        } else if (election.name().length() > NAME_MAX) {
            problems.add(new Problem("name", "election.name.tooLong", "The name has more than " + NAME_MAX + " characters."));
        }
        if (election.country() == null || election.country().isBlank()) {
            problems.add(new Problem("country", "election.country.required", "A country is required."));
        } else if (!CountryCode.isValid(election.country())) {
            problems.add(new Problem("country", "election.country.invalid",
                    "'" + election.country() + "' is not an ISO 3166-1 alpha-2 country code (such as FR or DE)."));
        }
        if (election.type() == null) {
            problems.add(new Problem("type", "election.type.required", "A type is required."));
        }
        dates(election, problems);
        if (election.description() != null && election.description().length() > DESCRIPTION_MAX) {
            problems.add(new Problem("description", "election.description.tooLong",
                    "The description has more than " + DESCRIPTION_MAX + " characters."));
        }
        return problems;
    }

    private static void dates(ElectionDetails election, List<Problem> problems) {
        LocalDate day = election.electionDay();
        LocalDate starts = election.campaignStarts();
        LocalDate ends = election.campaignEnds();
        if (day == null) {
            problems.add(new Problem("electionDay", "election.electionDay.required", "Election day is required."));
        }
        boolean inRange = inRange("electionDay", day, problems) & inRange("secondRoundDay", election.secondRoundDay(), problems)
                & inRange("campaignStarts", starts, problems) & inRange("campaignEnds", ends, problems);
        if (!inRange) {
            return;
        }
        if (day != null && election.secondRoundDay() != null && !election.secondRoundDay().isAfter(day)) {
            problems.add(new Problem("secondRoundDay", "election.secondRoundDay.notAfterElectionDay",
                    "The second round (" + election.secondRoundDay() + ") must come after election day (" + day + ")."));
        }
        if (starts == null && ends != null) {
            problems.add(new Problem("campaignStarts", "election.campaignStarts.required",
                    "The campaign period needs its first day as well as its last."));
        } else if (starts != null && ends == null) {
            problems.add(new Problem("campaignEnds", "election.campaignEnds.required",
                    "The campaign period needs its last day as well as its first."));
        } else if (starts != null && ends.isBefore(starts)) {
            problems.add(new Problem("campaignEnds", "election.campaignEnds.beforeStart",
                    "The campaign ends (" + ends + ") before it starts (" + starts + ")."));
        } else if (starts != null && day != null && ends.isAfter(day)) {
            problems.add(new Problem("campaignEnds", "election.campaignEnds.afterElectionDay",
                    "The campaign ends (" + ends + ") after election day (" + day + "): it ends on election day at the latest."));
        }
    }

    private static boolean inRange(String field, LocalDate date, List<Problem> problems) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            problems.add(new Problem(field, "election.date.outOfRange",
                    "'" + date + "' is not between " + EARLIEST + " and " + LATEST + "."));
            return false;
        }
        return true;
    }
}
