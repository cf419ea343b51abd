package org.vigie.server.sharing;

/**
 * What a caller asks to set on a community. For an update, a null field means "leave as is"; for a
 * creation, name and charter are required.
 */
public record CommunityChanges(String name, String purpose, Charter charter) {
}
