package org.oncofed.coordinator.round;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.oncofed.coordinator.audit.AuditTrail;
import org.oncofed.coordinator.experiment.ExperimentRepository;
import org.oncofed.coordinator.federation.ConnectedNodes;
import org.oncofed.coordinator.model.ModelStore;

/** What an experiment's run needs from the rest of the coordinator, in one place. */
@Singleton
record RoundServices(
    TaskBook book,
    ConnectedNodes nodes,
    Clock clock,
    ModelStore models,
    ExperimentRepository experiments,
    RoundRepository rounds,
    TaskRepository tasks,
    EvaluationRepository evaluations,
    AuditTrail audit) {

  /** The actor recorded for what the round engine does by itself. */
  static final String COORDINATOR = "coordinator";

  Instant now() {
    return clock.instant();
  }

  /** A new assigned task record. */
  TaskRecord newTask(String experimentId, int round, String site, TaskKind kind, String modelSha256,
      String dataSplit, Instant deadline) {
    return new TaskRecord(UUID.randomUUID().toString(), experimentId, round, site, kind, modelSha256, dataSplit,
        TaskStatus.ASSIGNED, now(), deadline, null, null, null, null, null);
  }
}
