package org.oncofed.coordinator.round;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.model.GlobalModelProvenance;
import org.oncofed.coordinator.aggregation.Aggregation;
import org.oncofed.coordinator.aggregation.AggregationResult;
import org.oncofed.coordinator.aggregation.AggregationStrategy;
import org.oncofed.coordinator.aggregation.ModelUpdate;
import org.oncofed.coordinator.aggregation.StrategyState;
import org.oncofed.coordinator.model.ModelRecord;
import org.oncofed.coordinator.model.ModelStore;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.coordinator.task.Cancellation;
import org.oncofed.coordinator.task.ReceivedUpdate;
import org.oncofed.coordinator.task.TaskBatch;
import org.oncofed.coordinator.task.TaskBook;
import org.oncofed.coordinator.task.TaskKind;
import org.oncofed.coordinator.task.TaskRecord;
import org.oncofed.coordinator.task.TaskRepository;
import org.oncofed.coordinator.task.TaskStatus;
import org.oncofed.coordinator.task.UpdateValidator;

/**
 * The training tasks of one round and the updates they bring. The intake checks each update
 * against the round's global model and the strategy's bounds and commits it (file, model row,
 * completed task) before anything else sees it. When the round closes, {@link #finish} reads the
 * accepted updates back from the store one at a time, in site order, and folds them: the same
 * updates give a bit-identical model whatever order they arrived in and however many restarts the
 * round went through, and memory stays O(parameters) however many sites take part.
 */
public final class RoundUpdates extends TaskBatch {

  /** What a closed round produced, with what the new model's provenance and the round record keep. */
  public record Result(AggregationResult aggregate, List<GlobalModelProvenance.Contribution> contributions,
      Map<String, Long> weights, Double trainLoss) {}

  private final String experimentId;
  private final int round;
  private final AggregationStrategy strategy;
  private final float[] global;
  private final StrategyState state;
  private final UpdateValidator validator;
  private final TaskRepository tasks;
  private final ModelStore models;

  private RoundUpdates(Engine engine, Cancellation cancellation, String experimentId, int round,
      AggregationStrategy strategy, float[] global, StrategyState state) {
    super(engine.book(), engine.nodes(), engine.clock(), cancellation);
    this.experimentId = experimentId;
    this.round = round;
    this.strategy = strategy;
    this.global = global;
    this.state = state;
    this.validator = UpdateValidator.against(global, strategy.bounds());
    this.tasks = engine.tasks();
    this.models = engine.models();
  }

  /** The coordinator's parts a round reads and writes. */
  public record Engine(TaskBook book, ConnectedNodes nodes, Clock clock, TaskRepository tasks, ModelStore models) {}

  /**
   * Round {@code round} of {@code strategy} from the global model {@code global} (only read, and
   * unchanged until the round finishes).
   *
   * @throws IllegalArgumentException when the global model is not finite
   */
  public static RoundUpdates begin(Engine engine, Cancellation cancellation, String experimentId, int round,
      AggregationStrategy strategy, float[] global, StrategyState state) {
    return new RoundUpdates(engine, cancellation, experimentId, round, strategy, global, state);
  }

  @Override
  public UpdateValidator updateValidator(TaskRecord task) {
    return validator;
  }

  /** Nothing to keep: the intake committed the update, and {@link #finish} reads it back. */
  @Override
  public void keepUpdate(TaskRecord task, ReceivedUpdate update) {}

  /** Updates accepted in this round so far, including those accepted before a restart. */
  public int acceptedUpdates() {
    return accepted().size();
  }

  /**
   * Folds every accepted update, in site order, into the next global model.
   *
   * @throws org.oncofed.coordinator.aggregation.AggregationException when none was accepted
   * @throws IllegalArgumentException when the stored strategy state does not belong to the strategy
   */
  public Result finish() {
    Aggregation aggregation = strategy.beginRound(global, state);
    List<GlobalModelProvenance.Contribution> contributions = new ArrayList<>();
    Map<String, Long> weights = new LinkedHashMap<>();
    double weightedLoss = 0;
    long lossWeight = 0;
    for (TaskRecord task : accepted()) {
      ModelRecord update = models.find(experimentId, task.resultSha256())
          .orElseThrow(() -> new IllegalStateException("accepted update " + task.resultSha256() + " of site "
              + task.siteId() + " is not in the model store"));
      aggregation.fold(new ModelUpdate(task.siteId(), models.read(update.sha256()).decode(), task.sampleCount()));
      contributions.add(new GlobalModelProvenance.Contribution(update.sha256(), update.provenanceSha256(),
          task.sampleCount()));
      weights.put(task.siteId(), task.sampleCount());
      JsonNode loss = task.metricsJson() == null ? null : CanonicalJson.parse(task.metricsJson()).get("train_loss");
      if (loss != null && loss.isNumber() && Double.isFinite(loss.doubleValue())) {
        weightedLoss += loss.doubleValue() * task.sampleCount();
        lossWeight += task.sampleCount();
      }
    }
    return new Result(aggregation.finish(), contributions, weights, lossWeight == 0 ? null : weightedLoss / lossWeight);
  }

  private List<TaskRecord> accepted() {
    return tasks.findByExperimentIdAndRoundNo(experimentId, round).stream()
        .filter(task -> task.kind() == TaskKind.TRAIN && task.status() == TaskStatus.COMPLETED)
        .sorted(Comparator.comparing(TaskRecord::siteId))
        .toList();
  }
}
