package dev.ferry.broadcast;

/**
 * What a relay has done since it started.
 *
 * @param broker     where it relays to, without credentials (e.g. {@code redis://127.0.0.1:6379})
 * @param connected  whether it can reach the broker now
 * @param published  messages this node sent to the broker
 * @param lost       messages this node could not send (the broker was away): nobody else got them
 * @param received   messages of other nodes this node delivered
 * @param duplicates messages that reached this node a second time and were dropped
 */
public record RelayStatus(String broker, boolean connected, long published, long lost, long received,
        long duplicates) {

    /** The status of a node without a relay. */
    public static final RelayStatus NONE = new RelayStatus("", false, 0, 0, 0, 0);
}
