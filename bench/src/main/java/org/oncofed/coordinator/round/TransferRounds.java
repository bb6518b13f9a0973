package org.oncofed.coordinator.round;

import io.micronaut.context.BeanContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.oncofed.coordinator.aggregation.AggregationStrategies;
import org.oncofed.coordinator.aggregation.AggregationStrategy;
import org.oncofed.coordinator.federation.ConnectedNodes;
import org.oncofed.coordinator.model.ModelStore;

/**
 * Benchmark seam, used only by the benchmark suite: opens training tasks for a model of any size
 * (the transfer benchmark moves a 100 MB model, which no catalogue entry has), owned by a real
 * {@link TrainingRound}. Fetches and uploads for these tasks take the federation service's whole
 * path: task binding, model store, header checks, assembly and hashing, replay and provenance
 * checks, the FedAvg fold, the update store and the audit trail. It is in this package because the
 * task book and the round are package-private; the task messages a real round sends on the control
 * streams are left out, the benchmark's clients know their task ids.
 */
public final class TransferRounds {

  private final TaskBook book;
  private final ConnectedNodes nodes;
  private final Clock clock;
  private final ModelStore store;
  private final Map<Integer, TrainingRound> open = new ConcurrentHashMap<>();

  public TransferRounds(BeanContext context) {
    Objects.requireNonNull(context, "context");
    this.book = context.getBean(TaskBook.class);
    this.nodes = context.getBean(ConnectedNodes.class);
    this.clock = context.getBean(Clock.class);
    this.store = context.getBean(ModelStore.class);
  }

  /**
   * Opens round {@code round} of {@code experimentId} from the stored model {@code modelSha256}
   * (whose parameters are {@code global}), with one training task per site.
   *
   * @return task id by site, in the order given
   */
  public Map<String, String> open(String experimentId, int round, String modelSha256, float[] global,
      List<String> sites, Duration timeToLive) {
    AggregationStrategy fedAvg = AggregationStrategies.create("fedavg", Map.of());
    TrainingRound owner = new TrainingRound(book, nodes, clock, experimentId, round,
        fedAvg.beginRound(global, fedAvg.initialState()), store);
    if (open.putIfAbsent(round, owner) != null) {
      throw new IllegalStateException("round " + round + " is already open");
    }
    Instant now = clock.instant();
    Map<String, String> tasks = new LinkedHashMap<>();
    for (String site : sites) {
      TaskRecord task = new TaskRecord(UUID.randomUUID().toString(), experimentId, round, site, TaskKind.TRAIN,
          modelSha256, null, TaskStatus.ASSIGNED, now, now.plus(timeToLive), null, null, null, null, null);
      book.assign(task, owner);
      tasks.put(site, task.taskId());
    }
    return tasks;
  }

  /** Aggregates the round's accepted updates and forgets it; returns how many were accepted. */
  public int close(int round) {
    TrainingRound owner = open.remove(round);
    if (owner == null) {
      throw new IllegalStateException("round " + round + " is not open");
    }
    int accepted = owner.acceptedUpdates();
    if (accepted > 0) {
      owner.finish();
    }
    return accepted;
  }
}
