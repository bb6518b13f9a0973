package org.oncofed.coordinator.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.oncofed.coordinator.experiment.ExperimentConfig;

/** The JSON summary of an experiment: configuration, every round, and the final comparison. */
@Serdeable
public record ExperimentReport(
    String id,
    String name,
    String status,
    @Nullable String statusReason,
    String createdBy,
    Instant createdAt,
    @Nullable Instant finishedAt,
    String configSha256,
    ExperimentConfig config,
    List<String> classes,
    List<RoundView> rounds,
    @Nullable FinalResults results) {}
