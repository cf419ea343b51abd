/** Framework-free parts of the MISP exchange: how MISP attribute types become STIX 2.1 patterns. */
package org.vigie.core.misp;
