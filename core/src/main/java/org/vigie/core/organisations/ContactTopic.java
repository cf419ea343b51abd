package org.vigie.core.organisations;

/** What a point of contact answers for; alerts of later issues are routed by topic. */
public enum ContactTopic {
    CYBER_INCIDENTS,
    INFORMATION_MANIPULATION,
    MEDIA,
    LEGAL,
    DUTY_24_7
}
