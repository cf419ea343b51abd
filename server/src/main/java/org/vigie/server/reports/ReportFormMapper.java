package org.vigie.server.reports;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.reports.Outcome;
import org.vigie.core.reports.ViginumCriterion;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.core.taxonomy.TargetCategory;

/**
 * Between the report form and a {@link ReportDraft}. Times on the form are UTC, as the form says:
 * reporters in different time zones compare the same timeline.
 */
@Component
class ReportFormMapper {

    static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final ObservableInput observableInput;

    ReportFormMapper(ObservableInput observableInput) {
        this.observableInput = observableInput;
    }

    /** The draft, or every fault found while reading the form (observable lines included). */
    ReportDraft draft(ReportForm form, List<EvidenceRef> evidence) {
        List<InvalidReportException.Fault> faults = new ArrayList<>();
        Instant firstSeen = time(form.getFirstSeen(), "firstSeen", faults);
        Instant lastSeen = time(form.getLastSeen(), "lastSeen", faults);
        CyclePhase phase = parse(form.getPhase(), "phase", faults, v -> CyclePhase.valueOf(v));
        Set<IncidentType> types = EnumSet.noneOf(IncidentType.class);
        form.getTypes().forEach(t -> {
            IncidentType type = parse(t, "types", faults, IncidentType::fromKey);
            if (type != null) {
                types.add(type);
            }
        });
        Outcome outcome = parse(form.getOutcome(), "outcome", faults, Outcome::fromKey);
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < form.getTargets().size(); i++) {
            ReportForm.TargetRow row = form.getTargets().get(i);
            if (row == null || row.isBlank()) {
                continue;
            }
            TargetCategory category = parse(row.getCategory(), "targets[" + i + "].category", faults, v -> TargetCategory.valueOf(v));
            if (category == null && (row.getCategory() == null || row.getCategory().isBlank())) {
                faults.add(ReportRules.fault("targets[" + i + "].category", "reports.target.category", "Choose the target's category."));
            }
            targets.add(new Target(category, row.getOrganisationId(), blankToNull(row.getName()),
                    time(row.getNotifiedAt(), "targets[" + i + "].notifiedAt", faults), blankToNull(row.getNotifiedBy()),
                    row.isDoNotNotify(), blankToNull(row.getDoNotNotifyReason())));
        }
        Map<ViginumCriterion, CriterionAssessment> criteria = new EnumMap<>(ViginumCriterion.class);
        for (ReportForm.CriterionRow row : form.getViginum()) {
            ViginumCriterion criterion = parse(row.getCriterion(), "viginum", faults, ViginumCriterion::fromKey);
            if (criterion != null && (row.isMet() || !row.getJustification().isBlank())) {
                criteria.put(criterion, new CriterionAssessment(row.isMet(), row.getJustification()));
            }
        }
        List<ReportObservable> observables = List.of();
        org.vigie.core.reports.Admiralty admiralty = null;
        try {
            admiralty = ReportApiController.admiralty(form.getReliability(), form.getCredibility());
        } catch (InvalidReportException e) {
            faults.addAll(e.faults());
        }
        try {
            observables = observableInput.parseForm(form.getObservablesText(), form.getObservableTypes());
        } catch (InvalidReportException e) {
            faults.addAll(e.faults());
        }
        if (!faults.isEmpty()) {
            throw new InvalidReportException(faults);
        }
        List<String> attack = Arrays.stream(form.getAttackTechniques() == null ? new String[0] : form.getAttackTechniques().split("[,;\\s]+"))
                .map(s -> s.trim().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        return new ReportDraft(form.getTitle(), form.getSummary(), firstSeen, lastSeen, form.getElectionId(), phase, types,
                outcome, targets, form.getDisarmTechniques().stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList(), attack,
                form.getActors(), form.getNarratives(), criteria, form.getConfidence(), admiralty, observables, evidence);
    }

    /** The form showing a stored report, for editing. */
    ReportForm form(Report report) {
        ReportDraft d = report.content();
        ReportForm form = new ReportForm();
        form.setTitle(d.title());
        form.setSummary(d.summary());
        form.setFirstSeen(formTime(d.firstSeen()));
        form.setLastSeen(formTime(d.lastSeen()));
        form.setElectionId(d.electionId());
        form.setPhase(d.phase() == null ? "" : d.phase().name());
        form.setTypes(new ArrayList<>(d.types().stream().map(IncidentType::key).toList()));
        form.setOutcome(d.outcome().key());
        List<ReportForm.TargetRow> rows = new ArrayList<>();
        for (Target t : d.targets()) {
            ReportForm.TargetRow row = new ReportForm.TargetRow();
            row.setCategory(t.category() == null ? "" : t.category().name());
            row.setOrganisationId(t.organisationId());
            row.setName(t.name() == null ? "" : t.name());
            row.setNotifiedAt(formTime(t.notifiedAt()));
            row.setNotifiedBy(t.notifiedBy() == null ? "" : t.notifiedBy());
            rows.add(row);
        }
        form.setTargets(rows);
        form.setDisarmTechniques(new ArrayList<>(d.disarmTechniques()));
        form.setAttackTechniques(String.join(", ", d.attackTechniques()));
        form.setActors(new ArrayList<>(d.actorRefs()));
        form.setNarratives(new ArrayList<>(d.narrativeRefs()));
        List<ReportForm.CriterionRow> criteria = new ArrayList<>();
        for (ViginumCriterion c : ViginumCriterion.values()) {
            ReportForm.CriterionRow row = new ReportForm.CriterionRow();
            row.setCriterion(c.key());
            CriterionAssessment a = d.viginum().get(c);
            row.setMet(a != null && a.met());
            row.setJustification(a == null ? "" : a.justification());
            criteria.add(row);
        }
        form.setViginum(criteria);
        form.setConfidence(d.confidence());
        form.setReliability(d.admiralty() == null || d.admiralty().reliability() == null ? "" : d.admiralty().reliability().name());
        form.setCredibility(d.admiralty() == null || d.admiralty().credibility() == null ? "" : d.admiralty().credibility().digit());
        form.setObservablesText(String.join("\n", d.observables().stream().map(ReportObservable::value).toList()));
        form.setObservableTypes(new ArrayList<>(d.observables().stream().map(ReportObservable::type).toList()));
        form.setKeptEvidence(new ArrayList<>(d.evidence().stream().map(EvidenceRef::sha256).toList()));
        form.setBaseModified(report.modified().toString());
        return form;
    }

    /** An empty form with the rows the page shows: three targets, the four criteria. */
    static ReportForm blank() {
        ReportForm form = new ReportForm();
        padded(form);
        return form;
    }

    static void padded(ReportForm form) {
        while (form.getTargets().size() < 3) {
            form.getTargets().add(new ReportForm.TargetRow());
        }
        if (form.getViginum().size() < ViginumCriterion.values().length) {
            List<ReportForm.CriterionRow> rows = new ArrayList<>();
            for (ViginumCriterion c : ViginumCriterion.values()) {
                ReportForm.CriterionRow row = form.getViginum().stream().filter(r -> c.key().equals(r.getCriterion())).findFirst()
                        .orElseGet(ReportForm.CriterionRow::new);
                row.setCriterion(c.key());
                rows.add(row);
            }
            form.setViginum(rows);
        }
    }

    static String formTime(Instant instant) {
        return instant == null ? "" : FORM_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static Instant time(String text, String field, List<InvalidReportException.Fault> faults) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.trim());
            } catch (DateTimeParseException again) {
                faults.add(ReportRules.fault(field, "reports.time.invalid", "'" + text + "' is not a date and time (YYYY-MM-DDTHH:MM, UTC).", text));
                return null;
            }
        }
    }

    private static <T> T parse(String text, String field, List<InvalidReportException.Fault> faults, java.util.function.Function<String, T> parser) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parser.apply(normalised(text));
        } catch (IllegalArgumentException e) {
            faults.add(ReportRules.fault(field, "reports.value.invalid", "'" + text + "' is not a valid choice.", text));
            return null;
        }
    }

    private static String normalised(String text) {
        return text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
