package org.oncofed.coordinator.task;

import org.oncofed.common.metrics.EvaluationCounts;
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
import org.oncofed.proto.federation.v1.TrainTask;

/** The control-stream messages that carry tasks to sites. */
public final class TaskMessages {

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
            // A local-only baseline leaves the site under the same filters as an update.
            .setPrivacy(plan.privacy())
            .setDeadlineMs(task.deadlineAt().toEpochMilli())
            .setLocalBaseline(baseline)
            .setPlan(plan.sitePlan()))
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
            .setHistogramBins(EvaluationCounts.HISTOGRAM_BINS)
            .setDeadlineMs(task.deadlineAt().toEpochMilli())
            .setPreprocessing(plan.training().toProto())
            .setModelKind(kind(model))
            .setPlan(plan.sitePlan()))
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
