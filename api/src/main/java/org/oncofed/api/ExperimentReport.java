package org.oncofed.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * The JSON summary of an experiment: configuration, every round, the final comparison, and each
 * site's approval of the plan and privacy spent.
 */
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
    @Nullable FinalResults results,
    List<ExperimentView.SiteView> sites) {}
