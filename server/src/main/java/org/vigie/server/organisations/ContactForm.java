package org.vigie.server.organisations;

import org.vigie.core.organisations.ContactTopic;

/**
 * The point-of-contact form, as typed. Checked by {@link ContactRules} (the service's rules), not
 * by annotations, so that the form and the API can never disagree.
 */
public class ContactForm {

    private ContactTopic topic;
    private String name;
    private String roleTitle;
    private String email;
    private String phone;
    private String availability;

    static ContactForm of(PointOfContact contact) {
        ContactForm form = new ContactForm();
        form.topic = contact.topic();
        form.name = contact.name();
        form.roleTitle = contact.roleTitle();
        form.email = contact.email();
        form.phone = contact.phone();
        form.availability = contact.availability();
        return form;
    }

    /** The whole contact as the form states it: an emptied email or phone field removes it. */
    ContactChanges changes() {
        return new ContactChanges(topic, blankIfNull(name), blankIfNull(roleTitle), blankIfNull(email), blankIfNull(phone),
                blankIfNull(availability));
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text;
    }

    public ContactTopic getTopic() {
        return topic;
    }

    public void setTopic(ContactTopic topic) {
        this.topic = topic;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRoleTitle() {
        return roleTitle;
    }

    public void setRoleTitle(String roleTitle) {
        this.roleTitle = roleTitle;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getAvailability() {
        return availability;
    }

    public void setAvailability(String availability) {
        this.availability = availability;
    }
}
