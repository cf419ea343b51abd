package org.vigie.server.misp;

import java.util.List;

/**
 * What the import did with one event: the report it became (or would have become), counts of what
 * was mapped, and every fault and warning.
 *
 * @param status      CREATED, NEW_VERSION, UNCHANGED or REJECTED
 * @param reportId    the report's incident id (deterministic: the same event gives the same report)
 * @param observables attributes that became report observables
 * @param indicators  STIX indicators stored for attributes and objects marked for detection
 * @param preserved   attributes kept only in the MISP note (types Vigie and STIX cannot represent)
 * @param skipped     attributes left out (unknown type, with partial import)
 */
public record MispEventResult(int index, String uuid, String info, String status, String reportId, String tlp, String pap,
                              List<String> disarmTechniques, int observables, int indicators, int preserved, int skipped,
                              List<MispFault> problems, List<String> warnings) {
}
