package org.vigie.core.sharing;

/** TLP 2.0 (FIRST): the Traffic Light Protocol's markings, from the least to the most restricted. */
public enum Tlp {
    CLEAR,
    GREEN,
    AMBER,
    AMBER_STRICT,
    RED
}
