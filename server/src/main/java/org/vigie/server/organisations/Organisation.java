package org.vigie.server.organisations;

import java.time.Instant;
import java.util.UUID;
import org.vigie.core.organisations.CountryCode;
import org.vigie.core.organisations.Sector;

/** A member organisation of the hub. */
public record Organisation(UUID id, String name, Sector sector, CountryCode country, String description,
                           Instant createdAt, Instant updatedAt) {
}
