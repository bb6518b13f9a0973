package org.oncofed.coordinator.experiment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import org.oncofed.api.ExperimentStatus;

/**
 * An experiment as stored: who created it, its configuration (canonical JSON and hash) and where
 * it stands. Model hashes point into the {@link org.oncofed.coordinator.model.ModelStore}.
 * The current global model and the strategy's state are those of the last aggregated round.
 */
@MappedEntity(value = "experiment", escape = false)
public record ExperimentRecord(
    @Id String id,
    String name,
    String createdBy,
    Instant createdAt,
    String configJson,
    String configSha256,
    ExperimentStatus status,
    @Nullable String statusReason,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    int currentRound,
    @Nullable String initialModelSha256,
    @Nullable String bestModelSha256,
    @Nullable Integer bestRound,
    @Nullable Double bestScore) {}
