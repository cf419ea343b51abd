package org.vigie.core.panel;

/** Responses short of, or beside, a public announcement that a member may recommend and the panel decide. */
public enum ResponseOption {
    PRIVATE_NOTICE_TO_TARGETS,
    ENGAGE_PLATFORMS,
    ENGAGE_PARTIES,
    ENGAGE_JOURNALISTS,
    REFER_TO_LAW_ENFORCEMENT,
    MONITOR_FURTHER
}
