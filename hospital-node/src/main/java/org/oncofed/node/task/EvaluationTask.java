package org.oncofed.node.task;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.oncofed.common.cli.Failures;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.common.model.TrainingConfig;
import org.oncofed.node.dataset.PreprocessingOptions;
import org.oncofed.node.localdata.LocalData;
import org.oncofed.node.train.CancellationSignal;
import org.oncofed.node.train.LocalEvaluator;
import org.oncofed.proto.federation.v1.DataSplit;
import org.oncofed.proto.federation.v1.EvaluateTask;
import org.oncofed.proto.federation.v1.EvaluationReceipt;
import org.oncofed.proto.federation.v1.EvaluationReport;
import org.oncofed.proto.federation.v1.FederationGrpc;
import org.oncofed.proto.federation.v1.ModelKind;
import org.oncofed.proto.federation.v1.NodeState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One evaluation task: fetch the model, evaluate it on the local validation or test split, and
 * return only a confusion matrix and score histograms. A global model's test evaluation also
 * leaves Grad-CAM heatmaps on the site for its radiologists.
 */
final class EvaluationTask {

  private static final Logger LOG = LoggerFactory.getLogger(EvaluationTask.class);

  private final TaskContext context;
  private final EvaluateTask task;
  private final CancellationSignal cancel;

  EvaluationTask(TaskContext context, EvaluateTask task, CancellationSignal cancel) {
    this.context = context;
    this.task = task;
    this.cancel = cancel;
  }

  void run() throws InterruptedException {
    String id = task.getTaskId();
    Instant deadline = Instant.ofEpochMilli(task.getDeadlineMs());
    ModelSpec spec = ModelSpec.fromProto(task.getSpec());
    TrainingConfig preprocessing = TrainingConfig.fromProto(task.getPreprocessing());
    LocalData.Part part = task.getSplit() == DataSplit.DATA_SPLIT_TEST ? LocalData.Part.TEST : LocalData.Part.VALIDATION;

    context.activity().working(NodeState.NODE_STATE_FETCHING, id, "downloading model "
        + TrainingTask.abbreviate(task.getModel().getSha256()));
    EncodedParameters model = ModelDownloader.fetch(context.link().channel(), id, task.getModel(), deadline);
    context.activity().working(NodeState.NODE_STATE_EVALUATING, id, "evaluating on the " + part + " split");
    var data = context.data().iterator(part, PreprocessingOptions.of(spec, preprocessing, false));
    float[] parameters = model.decode();
    EvaluationCounts counts = new LocalEvaluator(context.catalogue())
        .evaluate(spec, parameters, data, task.getHistogramBins(), cancel);
    EvaluationReport report = counts.writeTo(EvaluationReport.newBuilder()
            .setTaskId(id)
            .setModelSha256(model.sha256())
            .setSplit(task.getSplit())
            .setPrivacySpent(context.account().spent()))
        .build();
    LOG.info("Task {}: model {} on {} {} slices, accuracy {}", TrainingTask.abbreviate(id),
        TrainingTask.abbreviate(model.sha256()), counts.examples(), part.name().toLowerCase(java.util.Locale.ROOT),
        String.format(java.util.Locale.ROOT, "%.3f", (double) counts.confusion().correct() / Math.max(1, counts.examples())));
    context.ledger().recordEvaluation(task.getExperimentId(), task.getRound(), report);
    if (part == LocalData.Part.TEST && task.getModelKind() == ModelKind.MODEL_KIND_GLOBAL) {
      explain(spec, parameters, preprocessing, model.sha256());
    }
    send(context, task.getExperimentId(), task.getRound(), report, deadline, cancel);
  }

  /** Sends counts already entered in the ledger, and enters the coordinator's answer there too. */
  static void send(TaskContext context, String experimentId, int round, EvaluationReport report, Instant deadline,
      CancellationSignal cancel) throws InterruptedException {
    String id = report.getTaskId();
    context.activity().working(NodeState.NODE_STATE_UPLOADING, id, "sending evaluation counts");
    EvaluationReceipt receipt = UnavailableRetries.send("evaluation " + TrainingTask.abbreviate(id), deadline, cancel,
        context.clock(), () -> FederationGrpc.newBlockingStub(context.link().channel())
            .withDeadlineAfter(Math.max(1, deadline.toEpochMilli() - System.currentTimeMillis()), TimeUnit.MILLISECONDS)
            .submitEvaluation(report));
    context.ledger().recordAnswer(experimentId, round, id, receipt.getAccepted(), receipt.getReason());
    if (!receipt.getAccepted()) {
      LOG.warn("Evaluation {} refused by the coordinator: {}", TrainingTask.abbreviate(id), receipt.getReason());
    }
  }

  /**
   * Grad-CAM heatmaps for the site's radiologists, written before the report is sent so that they
   * exist once the coordinator has the result. They stay on the site: nothing about them is sent or
   * entered in the ledger, and a failure here never fails the evaluation.
   */
  private void explain(ModelSpec spec, float[] parameters, TrainingConfig preprocessing, String modelSha256) {
    String id = TrainingTask.abbreviate(task.getTaskId());
    try {
      context.explanations()
          .explainTestSplit(task.getExperimentId(), task.getRound(), spec, parameters, modelSha256, preprocessing)
          .ifPresent(page -> LOG.info("Task {}: Grad-CAM heatmaps on this site's test slices, kept on-site: {}", id,
              page));
    } catch (IOException | RuntimeException e) {
      LOG.warn("Task {}: Grad-CAM heatmaps not written ({}): {}", id, e.getClass().getSimpleName(),
          Failures.rootMessage(e));
    }
  }
}
