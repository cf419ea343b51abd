/**
 * Near-duplicate text detection (co-text-near): MinHash over character shingles, locality-sensitive
 * hashing and union-find clustering; see {@link org.vigie.detect.neardup.NearDuplicateDetector}.
 */
package org.vigie.detect.neardup;
