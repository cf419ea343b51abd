package org.vigie.server.elections;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;
import org.vigie.core.organisations.CountryCode;
import org.vigie.core.taxonomy.ElectionType;
import org.vigie.server.web.InvalidFieldException;

/** Validation is the service's (see ElectionRules), so that the API and the forms apply the same rules. */
@RestController
@RequestMapping("/api/v1/elections")
@Tag(name = "Elections", description = "Elections and referendums, the context of reports, alerts and public statements; "
        + "every signed-in user reads them")
class ElectionApiController {

    private final Elections elections;

    ElectionApiController(Elections elections) {
        this.elections = elections;
    }

    record CreateElectionRequest(
            @Schema(example = "2027 legislative election", requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(description = "ISO 3166-1 alpha-2 code", example = "FR", requiredMode = Schema.RequiredMode.REQUIRED) String country,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ElectionType type,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate electionDay,
            @Schema(description = "After election day; absent when there is no second round") LocalDate secondRoundDay,
            @Schema(description = "First day of the official campaign; with campaignEnds, or neither") LocalDate campaignStarts,
            @Schema(description = "Last day of the official campaign, on or before election day") LocalDate campaignEnds,
            String description) {

        ElectionDetails details() {
            return new ElectionDetails(name, country, type, electionDay, secondRoundDay, campaignStarts, campaignEnds, description);
        }
    }

    /**
     * A change: only the fields present in the body change; an explicit {@code null} removes a second
     * round or the campaign period. Setters record which fields were present.
     */
    @Schema(description = "Fields to change; absent fields are left as they are, null removes secondRoundDay or the campaign period")
    static final class UpdateElectionRequest {

        private final Set<String> present = new HashSet<>();
        private String name;
        private String country;
        private ElectionType type;
        private LocalDate electionDay;
        private LocalDate secondRoundDay;
        private LocalDate campaignStarts;
        private LocalDate campaignEnds;
        private String description;

        ElectionDetails appliedTo(ElectionDetails current) {
            return new ElectionDetails(
                    present.contains("name") ? name : current.name(),
                    present.contains("country") ? country : current.country(),
                    present.contains("type") ? type : current.type(),
                    present.contains("electionDay") ? electionDay : current.electionDay(),
                    present.contains("secondRoundDay") ? secondRoundDay : current.secondRoundDay(),
                    present.contains("campaignStarts") ? campaignStarts : current.campaignStarts(),
                    present.contains("campaignEnds") ? campaignEnds : current.campaignEnds(),
                    present.contains("description") ? description : current.description());
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            present.add("name");
            this.name = name;
        }

        @Schema(description = "ISO 3166-1 alpha-2 code")
        public String getCountry() {
            return country;
        }

        public void setCountry(String country) {
            present.add("country");
            this.country = country;
        }

        public ElectionType getType() {
            return type;
        }

        public void setType(ElectionType type) {
            present.add("type");
            this.type = type;
        }

        public LocalDate getElectionDay() {
            return electionDay;
        }

        public void setElectionDay(LocalDate electionDay) {
            present.add("electionDay");
            this.electionDay = electionDay;
        }

        public LocalDate getSecondRoundDay() {
            return secondRoundDay;
        }

        public void setSecondRoundDay(LocalDate secondRoundDay) {
            present.add("secondRoundDay");
            this.secondRoundDay = secondRoundDay;
        }

        public LocalDate getCampaignStarts() {
            return campaignStarts;
        }

        public void setCampaignStarts(LocalDate campaignStarts) {
            present.add("campaignStarts");
            this.campaignStarts = campaignStarts;
        }

        public LocalDate getCampaignEnds() {
            return campaignEnds;
        }

        public void setCampaignEnds(LocalDate campaignEnds) {
            present.add("campaignEnds");
            this.campaignEnds = campaignEnds;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            present.add("description");
            this.description = description;
        }
    }

    record ElectionView(UUID id, String name, String country, ElectionType type, LocalDate electionDay, LocalDate secondRoundDay,
                        LocalDate campaignStarts, LocalDate campaignEnds, String description,
                        @Schema(description = "Where the election stands today (UTC), from its dates") ElectionPhase phase,
                        Instant createdAt, Instant updatedAt) {
        static ElectionView of(Election e, LocalDate today) {
            return new ElectionView(e.id(), e.name(), e.country().value(), e.type(), e.electionDay(), e.secondRoundDay(),
                    e.campaignStarts(), e.campaignEnds(), e.description(), e.phaseOn(today), e.createdAt(), e.updatedAt());
        }
    }

    @GetMapping
    @Operation(summary = "Elections, newest election day first",
            description = "Filters: ?country= (ISO 3166-1 alpha-2), ?type=, and ?from= / ?to= (YYYY-MM-DD) on the election day, both included.")
    List<ElectionView> list(@Parameter(description = "ISO 3166-1 alpha-2 code") @RequestParam(required = false) String country,
                            @Parameter(description = "PRESIDENTIAL, LEGISLATIVE, LOCAL, EUROPEAN or REFERENDUM")
                            @RequestParam(required = false) String type,
                            @Parameter(description = "election day on or after (YYYY-MM-DD)") @RequestParam(required = false) String from,
                            @Parameter(description = "election day on or before (YYYY-MM-DD)") @RequestParam(required = false) String to) {
        ElectionFilter filter = new ElectionFilter(country(country), type(type), date("from", from), date("to", to));
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw new InvalidFieldException("to", "election.filter.toBeforeFrom",
                    "'to' (" + filter.to() + ") is before 'from' (" + filter.from() + ").");
        }
        LocalDate today = elections.today();
        return elections.list(filter).stream().map(e -> ElectionView.of(e, today)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "An election")
    ElectionView get(@PathVariable UUID id) {
        return ElectionView.of(elections.get(id), elections.today());
    }

    @PostMapping
    @Operation(summary = "Create an election (platform administrators, organisations' administrators)")
    ResponseEntity<ElectionView> create(Member me, @RequestBody CreateElectionRequest request) {
        Election created = elections.create(me, request.details());
        return ResponseEntity.created(URI.create("/api/v1/elections/" + created.id())).body(ElectionView.of(created, elections.today()));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change an election; absent fields are left as they are, null removes a second round or the campaign period")
    ElectionView update(Member me, @PathVariable UUID id, @RequestBody UpdateElectionRequest request) {
        Election current = elections.get(id);
        return ElectionView.of(elections.update(me, id, request.appliedTo(current.details())), elections.today());
    }

    private static CountryCode country(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (!CountryCode.isValid(code.trim().toUpperCase(Locale.ROOT))) {
            throw new InvalidFieldException("country", "election.country.invalid",
                    "'" + code + "' is not an ISO 3166-1 alpha-2 country code (such as FR or DE).");
        }
        return CountryCode.of(code);
    }

    private static ElectionType type(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        return Arrays.stream(ElectionType.values()).filter(t -> t.name().equalsIgnoreCase(type.trim())).findFirst()
                .orElseThrow(() -> new InvalidFieldException("type", "election.type.invalid", "'" + type + "' is not one of "
                        + Arrays.stream(ElectionType.values()).map(Enum::name).collect(Collectors.joining(", ")) + "."));
    }

    private static LocalDate date(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(parameter, "election.filter.date", "'" + text + "' is not a date (YYYY-MM-DD).");
        }
    }
}
