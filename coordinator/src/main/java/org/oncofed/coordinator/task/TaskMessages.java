package org.oncofed.coordinator.task;

import org.oncofed.common.model.TrainingConfig;
import org.oncofed.coordinator.model.ModelRecord;
import org.oncofed.coordinator.plan.ExperimentPlan;
import org.oncofed.proto.federation.v1.CancelTask;
import org.oncofed.proto.federation.v1.CoordinatorMessage;
import org.oncofed.proto.federation.v1.DataSplit;
import org.oncofed.proto.federation.v1.EvaluateTask;
import org.oncofed.proto.federation.v1.ModelKind;
import org.oncofed.proto.federation.v1.ModelRef;
import org.oncofed.proto.federation.v1.ParameterEncoding;
import org.oncofed.proto.federation.v1.PrivacyConfig;
import org.oncofed.proto.federation.v1.TrainTask;

/** The control-stream messages that carry tasks to sites. */
public final class TaskMessages {

  /**
   * Equal-width bins of the score histograms nodes return with evaluations: the most a node
   * accepts, so the AUC's binning bounds (set by positive-negative pairs sharing a bin) are
   * narrow; 50 bins left bounds 0.03 wide on real CT.
   */
  static final int HISTOGRAM_BINS = 1000;

  private TaskMessages() {}

  public static CoordinatorMessage train(TaskRecord task, ExperimentPlan plan, ModelRecord base, TrainingConfig training,
      boolean baseline) {
    return CoordinatorMessage.newBuilder().setTrain(TrainTask.newBuilder()
            .setTaskId(task.taskId())
            .setExperimentId(task.experimentId())
            .setRound(task.roundNo())
            .setSpec(plan.spec().toProto())
            .setBaseModel(reference(base))
            .setTraining(training.toProto())
            // A local-only baseline never leaves the federation's comparison, so no filters apply.
            .setPrivacy(baseline ? PrivacyConfig.getDefaultInstance() : plan.privacy())
            .setDeadlineMs(task.deadlineAt().toEpochMilli())
            .setLocalBaseline(baseline))
        .build();
  }

  public static CoordinatorMessage evaluate(TaskRecord task, ExperimentPlan plan, ModelRecord model, DataSplit split) {
    return CoordinatorMessage.newBuilder().setEvaluate(EvaluateTask.newBuilder()
            .setTaskId(task.taskId())
            .setExperimentId(task.experimentId())
            .setRound(task.roundNo())
            .setSpec(plan.spec().toProto())
            .setModel(reference(model))
            .setSplit(split)
            .setHistogramBins(HISTOGRAM_BINS)
            .setDeadlineMs(task.deadlineAt().toEpochMilli())
            .setPreprocessing(plan.training().toProto())
            .setModelKind(kind(model)))
        .build();
  }

  /** Tells a site to stop working on a task that is no longer open. */
  public static CoordinatorMessage cancel(String taskId, String reason) {
    return CoordinatorMessage.newBuilder()
        .setCancel(CancelTask.newBuilder().setTaskId(taskId).setReason(reason))
        .build();
  }

  /** Sites only tell the federation's model apart from their own baselines. */
  private static ModelKind kind(ModelRecord model) {
    return switch (model.kind()) {
      case INITIAL, GLOBAL -> ModelKind.MODEL_KIND_GLOBAL;
      case BASELINE -> ModelKind.MODEL_KIND_LOCAL_BASELINE;
      case UPDATE -> ModelKind.MODEL_KIND_UNSPECIFIED;
    };
  }

  private static ModelRef reference(ModelRecord model) {
    return ModelRef.newBuilder()
        .setSha256(model.sha256())
        .setSizeBytes(model.sizeBytes())
        .setParameterCount(model.parameterCount())
        .setEncoding(ParameterEncoding.PARAMETER_ENCODING_F32_LE_V1)
        .build();
  }
}
