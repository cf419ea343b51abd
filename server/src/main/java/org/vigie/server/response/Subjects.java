package org.vigie.server.response;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.vigie.core.accounts.Member;
import org.vigie.core.response.Severity;
import org.vigie.core.response.SubjectFacts;
import org.vigie.server.campaigns.Campaign;
import org.vigie.server.campaigns.Campaigns;
import org.vigie.server.reports.Report;
import org.vigie.server.reports.ReportDraft;
import org.vigie.server.reports.Reports;
import org.vigie.server.reports.Target;
import org.vigie.server.web.NotFoundException;

/**
 * Reads a board's subject for a member through the reports and campaigns modules, i.e. through the
 * visibility policy (404 for what they may not see; AMBER+STRICT and RED reads audited there).
 */
@Component
class Subjects {

    private final Reports reports;
    private final Campaigns campaigns;

    Subjects(Reports reports, Campaigns campaigns) {
        this.reports = reports;
        this.campaigns = campaigns;
    }

    Subject get(Member reader, String id) {
        if (id != null && id.startsWith("incident--")) {
            Report report = reports.get(reader, id);
            ReportDraft d = report.content();
            return new Subject(report.id(), "report", d.title(), report.modified(), report.sharing(), facts(d), d.disarmTechniques());
        }
        if (id != null && id.startsWith("campaign--")) {
            Campaign campaign = campaigns.get(reader, id);
            // a campaign's techniques are those of its member reports the reader may see
            Set<String> techniques = new LinkedHashSet<>();
            for (String reportId : campaign.reportIds().subList(0, Math.min(50, campaign.reportIds().size()))) {
                try {
                    techniques.addAll(reports.get(reader, reportId).content().disarmTechniques());
                } catch (NotFoundException e) {
                    // a member report the reader may not see adds nothing
                }
                if (techniques.size() > 50) {
                    break;
                }
            }
            return new Subject(campaign.id(), "campaign", campaign.name(), campaign.modified(), campaign.sharing(), null, List.copyOf(techniques));
        }
        throw new NotFoundException("report or campaign", id);
    }

    /** The trigger's view of a report; severity as {@link Severity#of} documents it. */
    static SubjectFacts facts(ReportDraft d) {
        return new SubjectFacts(d.types(), Severity.of(d.criteriaMet(), d.confidence(), d.outcome()),
                d.targets().stream().map(Target::category).filter(c -> c != null).collect(Collectors.toSet()), d.disarmTechniques());
    }
}
