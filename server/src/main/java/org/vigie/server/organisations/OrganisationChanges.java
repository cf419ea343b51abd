package org.vigie.server.organisations;

import org.vigie.core.organisations.Sector;

/**
 * What a caller asks to set on an organisation. For an update, a null field means "leave as is";
 * for a creation, name, sector and country are required (checked by the web layer's validation).
 */
public record OrganisationChanges(String name, Sector sector, String country, String description) {
}
