package org.oncofed.coordinator.round;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface RoundRepository extends CrudRepository<RoundRecord, String> {

  List<RoundRecord> findByExperimentIdOrderByRoundNo(String experimentId);

  Optional<RoundRecord> findByExperimentIdAndRoundNo(String experimentId, int roundNo);

  /** The newest aggregated round of an experiment: its model is the current global model. */
  Optional<RoundRecord> findFirstByExperimentIdAndStatusOrderByRoundNoDesc(String experimentId, RoundStatus status);

  @Query("UPDATE experiment_round SET status = 'AGGREGATED', closed_at = :closedAt, new_model_sha256 = :sha256, "
      + "train_loss = :trainLoss, strategy_state = :strategyState WHERE id = :id")
  void aggregated(String id, Instant closedAt, String sha256, @Nullable Double trainLoss, String strategyState);

  @Query("UPDATE experiment_round SET validated_at = :validatedAt, validation_score = :score WHERE id = :id")
  void validated(String id, Instant validatedAt, @Nullable Double score);

  /** The newest global model: from the last aggregated round, else the experiment's initial model. */
  default String currentModel(String experimentId, String initialModelSha256) {
    return findFirstByExperimentIdAndStatusOrderByRoundNoDesc(experimentId, RoundStatus.AGGREGATED)
        .map(RoundRecord::newModelSha256)
        .orElse(initialModelSha256);
  }

  @Query("UPDATE experiment_round SET status = 'OPEN', deadline_at = :deadline, selected_sites = :sites WHERE id = :id")
  void reopen(String id, Instant deadline, String sites);

  @Query("UPDATE experiment_round SET status = 'FAILED', closed_at = :closedAt, failure_reason = :reason WHERE id = :id")
  void failed(String id, Instant closedAt, String reason);
}
