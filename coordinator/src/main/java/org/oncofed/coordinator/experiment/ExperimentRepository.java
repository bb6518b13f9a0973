package org.oncofed.coordinator.experiment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import org.oncofed.api.ExperimentStatus;

@JdbcRepository(dialect = Dialect.ANSI)
public interface ExperimentRepository extends CrudRepository<ExperimentRecord, String> {

  List<ExperimentRecord> findAllOrderByCreatedAtDesc();

  List<ExperimentRecord> findByStatus(ExperimentStatus status);

  @Query("UPDATE experiment SET status = :status, status_reason = :reason WHERE id = :id")
  void setStatus(String id, ExperimentStatus status, @Nullable String reason);

  @Query("UPDATE experiment SET status = :status, status_reason = :reason, finished_at = :finishedAt WHERE id = :id")
  void finish(String id, ExperimentStatus status, @Nullable String reason, Instant finishedAt);

  @Query("UPDATE experiment SET status = 'RUNNING', started_at = :startedAt WHERE id = :id AND status = 'CREATED'")
  long markStarted(String id, Instant startedAt);

  @Query("UPDATE experiment SET initial_model_sha256 = :sha256 WHERE id = :id")
  void setInitialModel(String id, String sha256);

  @Query("UPDATE experiment SET current_round = :round WHERE id = :id")
  void setCurrentRound(String id, int round);

  @Query("UPDATE experiment SET best_model_sha256 = :sha256, best_round = :round, best_score = :score WHERE id = :id")
  void setBest(String id, String sha256, int round, double score);
}
