package org.vigie.server.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The "new API token" form: only a name, to recognise the token later. */
class TokenForm {

    @NotBlank(message = "{account.form.required}")
    @Size(max = 100, message = "{account.form.tooLong}")
    private String name;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
