package org.oncofed.coordinator.experiment;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import org.oncofed.coordinator.audit.AuditTrail;
import org.oncofed.coordinator.model.ModelStore;
import org.oncofed.coordinator.round.RoundRepository;
import org.oncofed.coordinator.round.RoundRunner;
import org.oncofed.coordinator.task.TaskBook;

/** What every experiment's run uses from the rest of the coordinator, injected once and shared. */
@Singleton
record RunContext(
    RoundRunner rounds,
    EvaluationPass evaluations,
    BaselineTraining baselines,
    ExperimentRepository experiments,
    RoundRepository roundRecords,
    TaskBook book,
    ModelStore models,
    AuditTrail audit,
    TransactionOperations<Connection> transactions,
    Clock clock) {}
