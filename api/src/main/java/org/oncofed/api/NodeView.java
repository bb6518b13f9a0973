package org.oncofed.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.Nullable;
import java.time.Instant;

/**
 * One site as shown by {@code GET /api/nodes}.
 *
 * @param connected whether the node's control stream is open now
 * @param state what the node reported in its last heartbeat (idle, training, ...), when connected
 * @param lastHeartbeat when the last heartbeat arrived, when connected
 * @param lastSeen when the coordinator last heard from the site at all
 */
@Serdeable
public record NodeView(
    String siteId,
    boolean connected,
    @Nullable String state,
    @Nullable String currentTask,
    @Nullable Instant connectedSince,
    @Nullable Instant lastHeartbeat,
    Instant firstSeen,
    Instant lastSeen,
    @Nullable String lastDisconnectReason,
    String certificateSerial,
    String softwareVersion,
    String backend,
    String device,
    @Nullable DatasetView dataset) {}
