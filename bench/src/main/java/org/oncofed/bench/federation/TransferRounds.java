package org.oncofed.bench.federation;

import io.micronaut.context.BeanContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.oncofed.coordinator.aggregation.AggregationStrategies;
import org.oncofed.coordinator.aggregation.AggregationStrategy;
import org.oncofed.coordinator.model.ModelStore;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.coordinator.round.RoundUpdates;
import org.oncofed.coordinator.task.Cancellation;
import org.oncofed.coordinator.task.TaskBook;
import org.oncofed.coordinator.task.TaskKind;
import org.oncofed.coordinator.task.TaskRecord;
import org.oncofed.coordinator.task.TaskRepository;

/**
 * Training rounds of a model of any size (the transfer benchmark moves a 100 MB model, which no
 * catalogue entry has), opened through the round engine's public API: a real {@link RoundUpdates}
 * owns the tasks, so fetches and uploads take the federation service's whole path (task binding,
 * model store, the update intake's checks, the update store and the audit trail), and closing a
 * round folds the accepted updates as a real round does.
 * The tasks are assigned without control-stream messages; the benchmark's sites are told their
 * task ids directly.
 */
final class TransferRounds {

  private final RoundUpdates.Engine engine;
  private final Clock clock;
  private final Map<Integer, RoundUpdates> open = new ConcurrentHashMap<>();

  TransferRounds(BeanContext context) {
    this.clock = context.getBean(Clock.class);
    this.engine = new RoundUpdates.Engine(context.getBean(TaskBook.class), context.getBean(ConnectedNodes.class),
        clock, context.getBean(TaskRepository.class), context.getBean(ModelStore.class));
  }

  /**
   * Opens round {@code round} of {@code experimentId} from the stored model {@code modelSha256}
   * (whose parameters are {@code global}), with one training task per site.
   *
   * @return task id by site, in the order given
   */
  Map<String, String> open(String experimentId, int round, String modelSha256, float[] global, List<String> sites,
      Duration timeToLive) {
    AggregationStrategy fedAvg = AggregationStrategies.create("fedavg", Map.of());
    RoundUpdates updates = RoundUpdates.begin(engine, new Cancellation(), experimentId, round, fedAvg, global,
        fedAvg.initialState());
    if (open.putIfAbsent(round, updates) != null) {
      throw new IllegalStateException("round " + round + " is already open");
    }
    Instant now = clock.instant();
    Map<String, String> tasks = new LinkedHashMap<>();
    for (String site : sites) {
      TaskRecord task = TaskRecord.assigned(experimentId, round, site, TaskKind.TRAIN, modelSha256, null, now,
          now.plus(timeToLive));
      updates.assign(task);
      tasks.put(site, task.taskId());
    }
    return tasks;
  }

  /** Aggregates the round's accepted updates and forgets it; returns how many were accepted. */
  int close(int round) {
    RoundUpdates updates = open.remove(round);
    if (updates == null) {
      throw new IllegalStateException("round " + round + " is not open");
    }
    int accepted = updates.acceptedUpdates();
    if (accepted > 0) {
      updates.finish();
    }
    return accepted;
  }
}
