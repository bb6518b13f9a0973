package org.oncofed.coordinator.federation;

import java.time.Instant;
import org.oncofed.common.SiteId;
import org.oncofed.proto.federation.v1.Hello;
import org.oncofed.proto.federation.v1.NodeState;

/**
 * A snapshot of one node's live control stream.
 *
 * @param certificateSerial serial of the certificate the node connected with, upper-case hex
 * @param hello what the node said about itself when it connected
 */
public record ConnectedNode(
    SiteId site,
    String certificateSerial,
    Hello hello,
    Instant connectedAt,
    Instant lastHeartbeat,
    NodeState state,
    String currentTask) {}
