package org.oncofed.coordinator.model;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A model an experiment produced or used. The parameters are a content-addressed file named by
 * {@code sha256}; the row records what it is and its provenance (canonical JSON, hashed).
 */
@MappedEntity(value = "model", escape = false)
public record ModelRecord(
    @Id String id,
    String experimentId,
    String sha256,
    int roundNo,
    ModelKind kind,
    @Nullable String siteId,
    String encoding,
    long parameterCount,
    long sizeBytes,
    Instant createdAt,
    String provenanceJson,
    String provenanceSha256) {}
