/**
 * One detection run from posts to groups: read, extract co-action traces, cluster near-duplicate texts, pair,
 * build the network, filter it and find groups ({@link org.vigie.detect.pipeline.Detection}). The command line
 * and the web application both run it; neither has its own path.
 */
package org.vigie.detect.pipeline;
