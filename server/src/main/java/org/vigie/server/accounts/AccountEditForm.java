package org.vigie.server.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.vigie.core.accounts.OrganisationRole;

/**
 * The "edit account" form. Every field is an object, not a primitive: a field the request did not
 * carry (or was not allowed to bind) stays null, and null means "leave as it is" to the service.
 */
class AccountEditForm {

    @NotBlank(message = "{account.form.required}")
    @Size(max = 200, message = "{account.form.tooLong}")
    private String displayName;
    @Email(message = "{account.form.email.invalid}")
    @Size(max = 320, message = "{account.form.tooLong}")
    private String email;
    private OrganisationRole role;
    private Boolean enabled;
    private Boolean platformAdministrator;

    static AccountEditForm of(Account account) {
        AccountEditForm form = new AccountEditForm();
        form.displayName = account.displayName();
        form.email = account.email();
        form.role = account.role();
        form.enabled = account.enabled();
        form.platformAdministrator = account.platformAdministrator();
        return form;
    }

    AccountChanges toChanges() {
        return new AccountChanges(displayName, email, role, enabled, platformAdministrator);
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public OrganisationRole getRole() {
        return role;
    }

    public void setRole(OrganisationRole role) {
        this.role = role;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public Boolean getPlatformAdministrator() {
        return platformAdministrator;
    }

    public void setPlatformAdministrator(Boolean platformAdministrator) {
        this.platformAdministrator = platformAdministrator;
    }
}
