package org.vigie.server.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.core.accounts.Member;
import org.vigie.core.panel.Criterion;
import org.vigie.core.panel.DecisionRule;
import org.vigie.core.panel.Position;
import org.vigie.core.panel.Rating;
import org.vigie.core.panel.ResponseOption;
import org.vigie.server.accounts.Account;
import org.vigie.server.accounts.Accounts;
import org.vigie.server.campaigns.Campaigns;
import org.vigie.server.elections.Election;
import org.vigie.server.elections.Elections;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.reports.Reports;
import org.vigie.server.web.FieldException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * Pages of the expert panel: the list of panels (and the creation form for platform administrators),
 * a panel's page (composition, interests, the queue with ages), the referral form (from a report, a
 * campaign or a selection of reports), the assessment workspace, the decision page, and the box on
 * report and campaign pages (loaded by address: panel depends on reports and campaigns, not the
 * reverse).
 */
@Controller
class PanelPagesController {

    private final Panels panels;
    private final Referrals referrals;
    private final Assessments assessments;
    private final Decisions decisions;
    private final Workspaces workspaces;
    private final Accounts accounts;
    private final Organisations organisations;
    private final Elections elections;
    private final Reports reports;
    private final Campaigns campaigns;

    PanelPagesController(Panels panels, Referrals referrals, Assessments assessments, Decisions decisions, Workspaces workspaces,
                         Accounts accounts, Organisations organisations, Elections elections, Reports reports, Campaigns campaigns) {
        this.panels = panels;
        this.referrals = referrals;
        this.assessments = assessments;
        this.decisions = decisions;
        this.workspaces = workspaces;
        this.accounts = accounts;
        this.organisations = organisations;
        this.elections = elections;
        this.reports = reports;
        this.campaigns = campaigns;
    }

    // ---- panels --------------------------------------------------------------------------------------

    @GetMapping("/panels")
    String list(Member me, Model model) {
        model.addAttribute("panels", panels.list());
        model.addAttribute("mine", panels.panelsOf(me).stream().map(Panel::id).toList());
        model.addAttribute("myReferrals", referrals.madeBy(me));
        model.addAttribute("mayAdminister", Panels.mayAdminister(me));
        model.addAttribute("electionNames", electionNames());
        model.addAttribute("elections", elections.list());
        model.addAttribute("rules", DecisionRule.Kind.values());
        return "panel/list";
    }

    @PostMapping("/panels")
    String create(Member me, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String electionId,
                  @RequestParam(defaultValue = "") String mandateFr, @RequestParam(defaultValue = "") String mandateEn,
                  @RequestParam(defaultValue = "CONSENSUS") String rule, @RequestParam(defaultValue = "") String quorum,
                  RedirectAttributes redirect) {
        try {
            Panel panel = panels.create(me, new PanelRequest(name, uuid("electionId", electionId), mandateFr, mandateEn, ruleKind(rule),
                    integer("quorum", quorum)));
            return "redirect:/panels/" + panel.id() + "?created";
        } catch (FieldException e) {
            flash(redirect, e);
            return "redirect:/panels";
        }
    }

    @GetMapping("/panels/{id}")
    String panel(Member me, @PathVariable UUID id, Model model) {
        Panel panel = panels.get(id);
        boolean composition = panels.mayViewComposition(me, id);
        boolean member = panels.isMember(id, me.accountId());
        model.addAttribute("panel", panel);
        model.addAttribute("election", panel.electionId() == null ? null : elections.find(panel.electionId()).orElse(null));
        model.addAttribute("composition", composition);
        model.addAttribute("member", member);
        model.addAttribute("mayAdminister", Panels.mayAdminister(me));
        model.addAttribute("myAccount", me.accountId());
        List<PanelMember> members = composition ? panels.members(me, id) : List.of();
        model.addAttribute("members", members);
        model.addAttribute("memberNames", members.stream().collect(Collectors.toMap(PanelMember::accountId, PanelMember::username, (a, b) -> a)));
        model.addAttribute("interests", composition ? panels.interests(me, id) : List.of());
        model.addAttribute("queue", member ? referrals.queue(me, id) : List.of());
        model.addAttribute("all", member ? referrals.all(me, id).stream().filter(e -> !e.referral().open()).toList() : List.of());
        model.addAttribute("organisations", composition ? organisations.all() : List.of());
        model.addAttribute("elections", elections.list());
        model.addAttribute("rules", DecisionRule.Kind.values());
        model.addAttribute("roles", PanelMember.Role.values());
        return "panel/panel";
    }

    @PostMapping("/panels/{id}")
    String update(Member me, @PathVariable UUID id, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String electionId,
                  @RequestParam(defaultValue = "") String mandateFr, @RequestParam(defaultValue = "") String mandateEn,
                  @RequestParam(defaultValue = "CONSENSUS") String rule, @RequestParam(defaultValue = "") String quorum,
                  RedirectAttributes redirect) {
        return act(redirect, "/panels/" + id, () -> panels.update(me, id, new PanelRequest(name, uuid("electionId", electionId), mandateFr,
                mandateEn, ruleKind(rule), integer("quorum", quorum))));
    }

    @PostMapping("/panels/{id}/active")
    String active(Member me, @PathVariable UUID id, @RequestParam boolean active, RedirectAttributes redirect) {
        return act(redirect, "/panels/" + id, () -> panels.setActive(me, id, active));
    }

    @PostMapping("/panels/{id}/members")
    String addMember(Member me, @PathVariable UUID id, @RequestParam(defaultValue = "") String username,
                     @RequestParam(defaultValue = "MEMBER") String role, @RequestParam(defaultValue = "") String publicTitle,
                     RedirectAttributes redirect) {
        return act(redirect, "/panels/" + id, () -> {
            Account account = accounts.findByUsername(username.strip())
                    .orElseThrow(() -> new InvalidFieldException("username", "panel.member.username.unknown", "No account named '" + username + "'."));
            panels.addMember(me, id, new MemberRequest(account.id(), role(role), publicTitle));
        });
    }

    @PostMapping("/panels/{id}/members/{account}")
    String updateMember(Member me, @PathVariable UUID id, @PathVariable UUID account, @RequestParam(defaultValue = "MEMBER") String role,
                        @RequestParam(defaultValue = "") String publicTitle, RedirectAttributes redirect) {
        return act(redirect, "/panels/" + id, () -> panels.updateMember(me, id, account, role(role), publicTitle));
    }

    @PostMapping("/panels/{id}/members/{account}/remove")
    String removeMember(Member me, @PathVariable UUID id, @PathVariable UUID account, RedirectAttributes redirect) {
        return act(redirect, "/panels/" + id, () -> panels.removeMember(me, id, account));
    }

    @PostMapping("/panels/{id}/interests")
    String declare(Member me, @PathVariable UUID id, @RequestParam(required = false) UUID accountId, @RequestParam(defaultValue = "") String organisationId,
                   @RequestParam(defaultValue = "") String nature, RedirectAttributes redirect) {
        return act(redirect, "/panels/" + id, () -> panels.declareInterest(me, id, accountId == null ? me.accountId() : accountId,
                new InterestRequest(uuid("organisationId", organisationId), nature)));
    }

    @PostMapping("/panels/{id}/interests/{interest}/withdraw")
    String withdrawInterest(Member me, @PathVariable UUID id, @PathVariable UUID interest, RedirectAttributes redirect) {
        return act(redirect, "/panels/" + id, () -> panels.withdrawInterest(me, interest));
    }

    // ---- referring -----------------------------------------------------------------------------------

    /** A subject on the referral form, as the analyst sees it. */
    record Candidate(String id, String type, String title) {
    }

    @GetMapping("/panels/referrals/new")
    String referralForm(Member me, @RequestParam(name = "subject", required = false) List<String> subjects,
                        @RequestParam(required = false) UUID panel, Model model) {
        List<Candidate> candidates = new ArrayList<>();
        for (String id : subjects == null ? List.<String>of() : subjects.stream().distinct().limit(Referrals.MAX_SUBJECTS).toList()) {
            candidate(me, id).ifPresent(candidates::add);
        }
        model.addAttribute("candidates", candidates);
        model.addAttribute("panels", panels.list().stream().filter(Panel::active).toList());
        model.addAttribute("chosenPanel", panel);
        model.addAttribute("mayRefer", Referrals.mayRefer(me));
        model.addAttribute("electionNames", electionNames());
        model.addAttribute("defaultTitle", candidates.size() == 1 ? candidates.get(0).title() : "");
        return "panel/refer";
    }

    private java.util.Optional<Candidate> candidate(Member me, String id) {
        try {
            if (id.startsWith("incident--")) {
                return java.util.Optional.of(new Candidate(id, "report", reports.get(me, id).content().title()));
            }
            if (id.startsWith("campaign--")) {
                return java.util.Optional.of(new Candidate(id, "campaign", campaigns.get(me, id).name()));
            }
        } catch (NotFoundException e) {
            // what the analyst may not see is not offered
        }
        return java.util.Optional.empty();
    }

    @PostMapping("/panels/referrals")
    String refer(Member me, @RequestParam(required = false) UUID panelId, @RequestParam(name = "subject", required = false) List<String> subjects,
                 @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String coverNote, Model model,
                 RedirectAttributes redirect) {
        try {
            if (panelId == null) {
                throw new InvalidFieldException("panelId", "panel.referral.panel.required", "Choose the panel.");
            }
            Referral referral = referrals.refer(me, panelId, new ReferralRequest(title, coverNote, subjects == null ? List.of() : subjects));
            redirect.addFlashAttribute("referred", referral.title());
            return "redirect:/panels?referred";
        } catch (FieldException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorDetail", e.getBody().getDetail());
            model.addAttribute("title", title);
            model.addAttribute("coverNote", coverNote);
            return referralForm(me, subjects, panelId, model);
        }
    }

    /** The box on a report's or campaign's page: a link to refer it, and the referrals about it the reader may know of. */
    @GetMapping("/panels/subject")
    String box(Member me, @RequestParam String subject, Model model) {
        model.addAttribute("subjectId", subject);
        model.addAttribute("mayRefer", Referrals.mayRefer(me) && panels.list().stream().anyMatch(Panel::active));
        model.addAttribute("referrals", referrals.about(me, subject));
        model.addAttribute("readable", referrals.about(me, subject).stream().filter(r -> referrals.mayRead(me, r)).map(Referral::id).toList());
        return "panel/box :: box";
    }

    // ---- the workspace and the decision ----------------------------------------------------------------

    @GetMapping("/panels/referrals/{id}")
    String workspace(Member me, @PathVariable UUID id, Model model) {
        Workspaces.Workspace w = workspaces.workspace(me, id);
        model.addAttribute("w", w);
        // keyed by name: SpEL indexes a map by the string form of the key
        Map<String, Assessment.CriterionAnswer> answers = new java.util.HashMap<>();
        Map<String, String> chosen = new java.util.HashMap<>();
        if (w.mine() != null) {
            w.mine().criteria().forEach(a -> answers.put(a.criterion().name(), a));
            w.mine().responseOptions().forEach(o -> chosen.put(o.option().name(), o.note()));
        }
        model.addAttribute("answers", answers);
        model.addAttribute("chosen", chosen);
        model.addAttribute("criteria", Criterion.values());
        model.addAttribute("ratings", Rating.values());
        model.addAttribute("positions", Position.values());
        model.addAttribute("options", ResponseOption.values());
        return "panel/workspace";
    }

    @PostMapping("/panels/referrals/{id}/assessments")
    String assess(Member me, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return act(redirect, "/panels/referrals/" + id, () -> {
            List<Assessment.CriterionAnswer> criteria = new ArrayList<>();
            for (Criterion c : Criterion.values()) {
                String rating = form.getFirst("rating-" + c.name());
                String justification = form.getFirst("justification-" + c.name());
                boolean answered = (rating != null && !rating.isBlank()) || (justification != null && !justification.isBlank());
                if (answered || c.threshold()) {
                    criteria.add(new Assessment.CriterionAnswer(c, rating == null || rating.isBlank() ? null : enumValue(Rating.class,
                            "rating-" + c.name(), rating), justification));
                }
            }
            String position = form.getFirst("position");
            assessments.record(me, id, new AssessmentRequest(criteria, options(form),
                    position == null || position.isBlank() ? null : enumValue(Position.class, "position", position), form.getFirst("rationale")));
            redirect.addFlashAttribute("saved", true);
        });
    }

    @PostMapping("/panels/referrals/{id}/recusals")
    String recuse(Member me, @PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return act(redirect, "/panels/referrals/" + id, () -> referrals.recuse(me, id, reason));
    }

    @PostMapping("/panels/referrals/{id}/withdraw")
    String withdraw(Member me, @PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            referrals.withdraw(me, id, reason);
            redirect.addFlashAttribute("withdrawn", true);
        } catch (FieldException e) {
            flash(redirect, e);
        }
        return "redirect:/panels";
    }

    @GetMapping("/panels/referrals/{id}/decision")
    String decision(Member me, @PathVariable UUID id, Model model) {
        model.addAttribute("w", workspaces.workspace(me, id));
        model.addAttribute("options", ResponseOption.values());
        return "panel/decision";
    }

    @PostMapping("/panels/referrals/{id}/decision")
    String decide(Member me, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return act(redirect, "/panels/referrals/" + id + "/decision",
                () -> decisions.decide(me, id, new DecisionRequest(form.getFirst("rationale"), options(form))));
    }

    @PostMapping("/panels/referrals/{id}/decision/{decision}/correction")
    String correct(Member me, @PathVariable UUID id, @PathVariable UUID decision, @RequestParam MultiValueMap<String, String> form,
                   RedirectAttributes redirect) {
        return act(redirect, "/panels/referrals/" + id + "/decision",
                () -> decisions.correct(me, decision, form.getFirst("reason"), new DecisionRequest(form.getFirst("rationale"), options(form))));
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** Response options of a form: a checkbox "option" per option, and a note "note-OPTION". */
    private static List<Assessment.ResponseChoice> options(MultiValueMap<String, String> form) {
        List<Assessment.ResponseChoice> chosen = new ArrayList<>();
        for (String option : form.getOrDefault("option", List.of())) {
            chosen.add(new Assessment.ResponseChoice(enumValue(ResponseOption.class, "option", option), form.getFirst("note-" + option)));
        }
        return chosen;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "panel.form.choice.unknown", "'" + value + "' is not one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
    }

    private static DecisionRule.Kind ruleKind(String value) {
        return enumValue(DecisionRule.Kind.class, "rule", value);
    }

    private static PanelMember.Role role(String value) {
        return enumValue(PanelMember.Role.class, "role", value);
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "panel.form.id.invalid", "'" + value + "' is not an id.");
        }
    }

    private static Integer integer(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "panel.quorum.range", "'" + value + "' is not a number.");
        }
    }

    private Map<UUID, String> electionNames() {
        return elections.list().stream().collect(Collectors.toMap(Election::id, Election::name, (a, b) -> a));
    }

    private static void flash(RedirectAttributes redirect, FieldException e) {
        redirect.addFlashAttribute("error", e.messageKey());
        redirect.addFlashAttribute("errorDetail", e.getBody().getDetail());
    }

    private static String act(RedirectAttributes redirect, String to, Runnable action) {
        try {
            action.run();
        } catch (FieldException e) {
            flash(redirect, e);
        }
        return "redirect:" + to;
    }
}
