package org.vigie.detect.network;

/** Dense int ids {@code 0..size()-1} and the string each stands for. */
public interface Names {
    String name(int id);

    int size();
}
