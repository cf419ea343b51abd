package org.vigie.server.reports;

import java.util.List;
import org.springframework.stereotype.Service;
import org.vigie.core.sharing.Viewer;

/**
 * Report searches for other modules (the STIX export): the list's filters from its query
 * parameters, and the matching reports' ids in keyset pages, always through the reports' policy.
 */
@Service
public class ReportSelections {

    private final ReportRepository repository;
    private final ObservableInput observables;

    ReportSelections(ReportRepository repository, ObservableInput observables) {
        this.repository = repository;
        this.observables = observables;
    }

    /** The filter the reports list would apply for these parameters (the observable normalised the same way). */
    public ReportFilter filter(ReportSearchParameters parameters) {
        return parameters.filter(observables);
    }

    /** Ids of the reports the viewer may see matching the filter, in id order after {@code afterId} (null first). */
    public List<String> visibleIdsAfter(Viewer viewer, ReportFilter filter, String afterId, int limit) {
        return repository.visibleIdsAfter(viewer, filter, afterId, Math.max(1, Math.min(limit, 5000)));
    }
}
