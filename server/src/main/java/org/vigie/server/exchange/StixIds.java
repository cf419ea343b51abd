package org.vigie.server.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Deterministic STIX identifiers, so that two exports of the same set are identical and a receiving
 * tool merges what it receives twice. Cyber-observables follow STIX 2.1 §2.9: a UUIDv5 in the OASIS
 * namespace over the canonical JSON (keys sorted, no whitespace) of their id-contributing properties.
 * What Vigie derives itself (organisation identities, relationships it materialises) is a UUIDv5 in
 * Vigie's own namespace over a stable name.
 */
public final class StixIds {

    /** The namespace STIX 2.1 gives for cyber-observable ids. */
    static final UUID SCO_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");
    /** Vigie's namespace for the objects an export derives (a UUIDv5 of "vigie" in the URL namespace). */
    static final UUID VIGIE_NAMESPACE = uuid5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://vigie.org/stix");

    private static final ObjectMapper CANONICAL = new ObjectMapper();

    private StixIds() {
    }

    /** The identity that stands for a Vigie organisation in exports (and imports, to recognise it). */
    public static String organisationIdentity(UUID organisationId) {
        return "identity--" + uuid5(VIGIE_NAMESPACE, "organisation:" + organisationId);
    }

    /** A relationship Vigie materialises between two objects: the same three give the same id. */
    public static String relationship(String sourceRef, String relationshipType, String targetRef) {
        return "relationship--" + uuid5(VIGIE_NAMESPACE, "relationship:" + sourceRef + "|" + relationshipType + "|" + targetRef);
    }

    /** A cyber-observable's id from its id-contributing properties (nested maps allowed, e.g. file hashes). */
    public static String observable(String type, Map<String, Object> contributing) {
        try {
            return type + "--" + uuid5(SCO_NAMESPACE, CANONICAL.writeValueAsString(sorted(contributing)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sorted(Map<String, Object> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(k, v instanceof Map<?, ?> m ? sorted((Map<String, Object>) m) : v));
        return sorted;
    }

    static UUID uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer ns = ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
            sha1.update(ns.array());
            sha1.update(name.getBytes(StandardCharsets.UTF_8));
            byte[] hash = sha1.digest();
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
