package org.oncofed.coordinator.round;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A task sent to one site, bound to that site's identity: only that site may fetch its model or
 * submit its result.
 *
 * @param modelSha256 the model the task starts from (train) or evaluates
 * @param dataSplit VALIDATION or TEST for evaluation tasks
 * @param resultSha256 hash of the accepted update, when one was accepted
 * @param metricsJson aggregate training metrics the site reported
 */
@MappedEntity(value = "task", escape = false)
public record TaskRecord(
    @Id String taskId,
    String experimentId,
    int roundNo,
    String siteId,
    TaskKind kind,
    String modelSha256,
    @Nullable String dataSplit,
    TaskStatus status,
    Instant assignedAt,
    Instant deadlineAt,
    @Nullable Instant finishedAt,
    @Nullable String reason,
    @Nullable Long sampleCount,
    @Nullable String resultSha256,
    @Nullable String metricsJson) {}
