package org.vigie.server.reference;

/**
 * What a page or document that shows DISARM data must say about it (CC BY-SA 4.0 asks for the
 * attribution and a link to the licence): the attribution text, the version, and where the licence
 * and the source are.
 */
public record DisarmAttribution(String text, String version, String licenceUrl, String sourceUrl) {

    public static final DisarmAttribution CURRENT = new DisarmAttribution(DisarmFramework.ATTRIBUTION, DisarmFramework.VERSION,
            DisarmFramework.LICENCE_URL, DisarmFramework.SOURCE_URL);
}
