/**
 * The election-cycle taxonomy reports are classified with: the kinds of election, the three stages
 * of an election, the phases of the electoral cycle within each stage, and the categories of target
 * of interference.
 * Framework-free; labels in each language live in the server's message bundles, keyed by the
 * constants' names.
 */
package org.vigie.core.taxonomy;
