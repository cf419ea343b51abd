package org.vigie.server.accounts;

/** The password form of the profile page. The rules are the service's; only "typed the same twice" is checked on the page. */
class PasswordChangeForm {

    private String currentPassword;
    private String newPassword;
    private String confirmPassword;

    boolean confirmed() {
        return newPassword != null && newPassword.equals(confirmPassword);
    }

    /** Passwords are never sent back to the browser, not even when the form is shown again. */
    void forget() {
        currentPassword = null;
        newPassword = null;
        confirmPassword = null;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
