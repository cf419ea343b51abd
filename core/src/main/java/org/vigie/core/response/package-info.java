/**
 * Framework-free parts of response protocols (issue 6): how severe a report is, whether a protocol's
 * trigger matches it, when an unacknowledged alert escalates, and the acknowledgement metrics
 * (median and 90th percentile). The server decides who may be alerted (the visibility policy) and
 * stores boards; these classes only compute.
 */
package org.vigie.core.response;
