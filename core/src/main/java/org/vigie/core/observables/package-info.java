/**
 * Observables from incident reports: typing what a reporter pasted, normalising it, and deriving the
 * keys that link reports sharing an observable (ADR 0006).
 *
 * <p>The flow is {@link org.vigie.core.observables.ObservableParser} (one line, or a whole paste,
 * typed automatically; the user may correct the type) → {@link org.vigie.core.observables.Observable}
 * (the value as entered and its normalised form) → {@link org.vigie.core.observables.CorrelationKeys}
 * (normalised values and registrable domains, minus the {@link org.vigie.core.observables.WarningList
 * warning list}).
 *
 * <p>Normalisation decides what "the same observable" means, so its rules are deliberate: variants a
 * reporter may type for one thing (case of a host, a default port, tracking parameters, a defanged dot)
 * collapse to one value; differences a server could act on (path, its case, query values, scheme, port)
 * are kept. Nothing here resolves names or contacts the network: parsing an observable must never
 * tell its owner that someone is looking at it.
 */
package org.vigie.core.observables;
