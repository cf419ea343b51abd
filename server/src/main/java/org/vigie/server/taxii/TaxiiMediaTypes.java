package org.vigie.server.taxii;

import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The TAXII 2.1 media types and the Accept / Content-Type checks the specification asks for. */
public final class TaxiiMediaTypes {

    public static final String TAXII = "application/taxii+json;version=2.1";
    public static final String STIX = "application/stix+json;version=2.1";

    private static final MediaType TAXII_TYPE = new MediaType("application", "taxii+json");

    private TaxiiMediaTypes() {
    }

    /**
     * Whether the response may be TAXII 2.1: an Accept naming {@code application/taxii+json} with
     * version 2.1 or no version (which means the newest, 2.1 here), or a wildcard that covers it. A
     * missing Accept is taken as {@code *}{@code /*}, as HTTP says, so curl works without options.
     */
    static boolean acceptable(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(TaxiiMediaTypes::isTaxii21OrWildcard);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean isTaxii21OrWildcard(MediaType type) {
        if (type.isWildcardType() || (type.getType().equals("application") && type.isWildcardSubtype())) {
            return true;
        }
        return isTaxii21(type);
    }

    /** A POST body must be declared TAXII 2.1 (or TAXII without a version). */
    static boolean isTaxiiContent(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            return isTaxii21(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean isTaxii21(MediaType type) {
        if (!TAXII_TYPE.equalsTypeAndSubtype(type)) {
            return false;
        }
        String version = type.getParameter("version");
        return version == null || version.equals("2.1");
    }
}
