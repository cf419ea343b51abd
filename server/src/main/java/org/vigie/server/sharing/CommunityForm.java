package org.vigie.server.sharing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.vigie.core.organisations.Sector;
import org.vigie.core.sharing.InformationKind;
import org.vigie.core.sharing.Tlp;

/**
 * The community form, as typed: name, purpose and the charter, whose objectives are repeated rows.
 * A row with nothing chosen is ignored, so that a few empty rows can always be offered for new
 * objectives, and an objective is removed by clearing its row. The charter's rules are checked by
 * {@link CharterRules}, as for the API.
 */
public class CommunityForm {

    /** Empty rows offered after the existing objectives. */
    static final int EMPTY_ROWS = 3;

    @NotBlank(message = "{community.name.required}")
    @Size(max = Communities.MAX_NAME, message = "{community.name.tooLong}")
    private String name;

    @Size(max = Communities.MAX_PURPOSE, message = "{community.purpose.tooLong}")
    private String purpose;

    private String preamble;

    private List<ObjectiveRow> objectives = new ArrayList<>();

    static CommunityForm empty() {
        CommunityForm form = new CommunityForm();
        form.addEmptyRows();
        return form;
    }

    static CommunityForm of(Community community) {
        CommunityForm form = new CommunityForm();
        form.name = community.name();
        form.purpose = community.purpose();
        form.preamble = community.charter().preamble();
        for (SharingObjective objective : community.charter().objectives()) {
            ObjectiveRow row = new ObjectiveRow();
            row.sectors = new ArrayList<>(objective.sectors());
            row.kinds = new ArrayList<>(objective.kinds());
            row.defaultTlp = objective.defaultTlp();
            form.objectives.add(row);
        }
        form.addEmptyRows();
        return form;
    }

    private void addEmptyRows() {
        for (int i = 0; i < EMPTY_ROWS; i++) {
            objectives.add(new ObjectiveRow());
        }
    }

    /** The charter the rows state: blank rows left out. */
    Charter charter() {
        return new Charter(preamble, rowsInCharter().stream().map(i -> objectives.get(i).objective()).toList());
    }

    /** The indexes of the rows that make the charter's objectives, in order: objective i is row rowsInCharter().get(i). */
    List<Integer> rowsInCharter() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < objectives.size(); i++) {
            if (objectives.get(i) != null && !objectives.get(i).isBlank()) {
                rows.add(i);
            }
        }
        return rows;
    }

    CommunityChanges changes() {
        return new CommunityChanges(name, purpose == null ? "" : purpose, charter());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public String getPreamble() {
        return preamble;
    }

    public void setPreamble(String preamble) {
        this.preamble = preamble;
    }

    public List<ObjectiveRow> getObjectives() {
        return objectives;
    }

    public void setObjectives(List<ObjectiveRow> objectives) {
        this.objectives = objectives;
    }

    /** One objective as typed. */
    public static class ObjectiveRow {

        private List<Sector> sectors = new ArrayList<>();
        private List<InformationKind> kinds = new ArrayList<>();
        private Tlp defaultTlp;

        boolean isBlank() {
            return (sectors == null || sectors.isEmpty()) && (kinds == null || kinds.isEmpty()) && defaultTlp == null;
        }

        SharingObjective objective() {
            return new SharingObjective(sectors, kinds, defaultTlp);
        }

        public List<Sector> getSectors() {
            return sectors;
        }

        public void setSectors(List<Sector> sectors) {
            this.sectors = sectors;
        }

        public List<InformationKind> getKinds() {
            return kinds;
        }

        public void setKinds(List<InformationKind> kinds) {
            this.kinds = kinds;
        }

        public Tlp getDefaultTlp() {
            return defaultTlp;
        }

        public void setDefaultTlp(Tlp defaultTlp) {
            this.defaultTlp = defaultTlp;
        }
    }
}
