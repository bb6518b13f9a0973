package org.oncofed.coordinator.task;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
public interface TaskRepository extends CrudRepository<TaskRecord, String> {

  List<TaskRecord> findByExperimentIdAndRoundNo(String experimentId, int roundNo);

  List<TaskRecord> findByExperimentId(String experimentId);

  boolean existsByExperimentIdAndResultSha256(String experimentId, String resultSha256);

  /** Moves an assigned task to a final state; returns 0 if it was already final (first answer wins). */
  @Query("UPDATE task SET status = :status, finished_at = :finishedAt, reason = :reason "
      + "WHERE task_id = :taskId AND status = 'ASSIGNED'")
  long close(String taskId, TaskStatus status, Instant finishedAt, @Nullable String reason);

  @Query("UPDATE task SET status = 'COMPLETED', finished_at = :finishedAt, sample_count = :sampleCount, "
      + "result_sha256 = :resultSha256, metrics_json = :metricsJson WHERE task_id = :taskId AND status = 'ASSIGNED'")
  long complete(String taskId, Instant finishedAt, @Nullable Long sampleCount, @Nullable String resultSha256,
      @Nullable String metricsJson);
}
