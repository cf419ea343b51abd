package org.vigie.server.federation;

import java.util.List;

/**
 * Told of the objects a pull stored, in the transaction that stored them: for steps that index
 * incoming objects (turning incident reports into reports, for instance).
 */
public interface ReceivedObjects {

    void stored(Peer peer, List<String> stixIds);
}
