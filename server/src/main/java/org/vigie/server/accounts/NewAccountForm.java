package org.vigie.server.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.vigie.core.accounts.OrganisationRole;

/**
 * The "new account" form as typed. Mutable because a form that fails is shown again with what was
 * typed; which fields a request may set is decided by the controller's binder, not here. The
 * username and password rules live in the service, so the page and the API apply the same ones.
 */
class NewAccountForm {

    private String username;
    @NotBlank(message = "{account.form.required}")
    @Size(max = 200, message = "{account.form.tooLong}")
    private String displayName;
    @Email(message = "{account.form.email.invalid}")
    @Size(max = 320, message = "{account.form.tooLong}")
    private String email;
    private UUID organisationId;
    private OrganisationRole role = OrganisationRole.ANALYST;
    private String password;
    private boolean platformAdministrator;

    NewAccount toNewAccount() {
        return new NewAccount(username, password, displayName, email, organisationId, role, platformAdministrator);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
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

    public UUID getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(UUID organisationId) {
        this.organisationId = organisationId;
    }

    public OrganisationRole getRole() {
        return role;
    }

    public void setRole(OrganisationRole role) {
        this.role = role;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isPlatformAdministrator() {
        return platformAdministrator;
    }

    public void setPlatformAdministrator(boolean platformAdministrator) {
        this.platformAdministrator = platformAdministrator;
    }
}
