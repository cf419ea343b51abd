/**
 * Co-action networks: traces in columns ({@link org.vigie.detect.network.TraceTable}), pairing by one
 * sort-and-sweep over (object, time) ({@link org.vigie.detect.network.PairSweep}), the "auto" window
 * ({@link org.vigie.detect.network.WindowEstimator}), Vigie's network with per-type counts, IDF
 * down-weighting and weight filters ({@link org.vigie.detect.network.CoordinationNetwork}), and the exact
 * CooRTweet 2.1.3 pairs and edges ({@link org.vigie.detect.network.CoorTweetCompat}). See ADR 0011.
 */
package org.vigie.detect.network;
