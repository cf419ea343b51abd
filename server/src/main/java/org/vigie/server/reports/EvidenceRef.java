package org.vigie.server.reports;

/** An evidence file a report cites: the stored file's hash, with the name it was uploaded under. */
public record EvidenceRef(String sha256, String fileName, String mediaType, long size) {
}
