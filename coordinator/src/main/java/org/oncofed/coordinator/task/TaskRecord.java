package org.oncofed.coordinator.task;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

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
    @Nullable String metricsJson) {

  /** A new task, assigned now and open until {@code deadline}. */
  public static TaskRecord assigned(String experimentId, int round, String site, TaskKind kind, String modelSha256,
      @Nullable String dataSplit, Instant now, Instant deadline) {
    return new TaskRecord(UUID.randomUUID().toString(), experimentId, round, site, kind, modelSha256, dataSplit,
        TaskStatus.ASSIGNED, now, deadline, null, null, null, null, null);
  }
}
