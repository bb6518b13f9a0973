package org.oncofed.coordinator.nodes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A hospital site the coordinator has seen: when it first and last connected, with which
 * certificate and software, and the aggregate counts of its registered dataset.
 *
 * @param datasetJson canonical JSON of the dataset summary the node announced (counts only)
 */
@MappedEntity(value = "site", escape = false)
record SiteRecord(
    @Id String siteId,
    Instant firstSeen,
    Instant lastConnected,
    @Nullable Instant lastDisconnected,
    @Nullable String lastDisconnectReason,
    String certificateSerial,
    String softwareVersion,
    String backend,
    String device,
    @Nullable String datasetJson) {}
