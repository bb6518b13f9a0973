package org.oncofed.node.link;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * The state of the node's connection to the coordinator.
 *
 * @param state CONNECTING, CONNECTED, WAITING (backing off before the next attempt) or STOPPED
 * @param attempts connection attempts since the last successful one
 * @param lastError why the last connection ended or failed
 */
@Serdeable
public record LinkStatus(
    String coordinator,
    String siteId,
    String state,
    @Nullable Instant connectedSince,
    @Nullable Instant nextAttemptAt,
    int attempts,
    @Nullable String lastError) {}
