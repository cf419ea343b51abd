package org.vigie.server.organisations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.vigie.core.organisations.Sector;

/** The organisation form, as typed: kept as is to be shown again when something is wrong. */
public class OrganisationForm {

    @NotBlank(message = "{organisation.name.required}")
    @Size(max = 200, message = "{organisation.name.tooLong}")
    private String name;

    @NotNull(message = "{organisation.sector.required}")
    private Sector sector;

    @NotBlank(message = "{organisation.country.required}")
    private String country;

    @Size(max = 4000, message = "{organisation.description.tooLong}")
    private String description;

    static OrganisationForm of(Organisation organisation) {
        OrganisationForm form = new OrganisationForm();
        form.name = organisation.name();
        form.sector = organisation.sector();
        form.country = organisation.country().value();
        form.description = organisation.description();
        return form;
    }

    OrganisationChanges changes() {
        return new OrganisationChanges(name, sector, country, description == null ? "" : description);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Sector getSector() {
        return sector;
    }

    public void setSector(Sector sector) {
        this.sector = sector;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
