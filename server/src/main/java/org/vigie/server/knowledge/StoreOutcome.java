package org.vigie.server.knowledge;

import java.util.List;

/** What happened to each object of a request, in the order they were given. */
public record StoreOutcome(List<ObjectResult> results) {

    public enum Status { CREATED, NEW_VERSION, UNCHANGED, REJECTED }

    /** A problem in one object, located by a JSON pointer into the request body. */
    public record Problem(String pointer, String message) {
    }

    public record ObjectResult(int index, String id, String modified, Status status, List<Problem> problems) {
    }

    public long count(Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    public boolean anyRejected() {
        return count(Status.REJECTED) > 0;
    }
}
