package org.oncofed.node.task;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.common.model.TrainingConfig;
import org.oncofed.node.localdata.LocalData;
import org.oncofed.node.train.CancellationSignal;
import org.oncofed.node.train.LocalEvaluator;
import org.oncofed.proto.federation.v1.DataSplit;
import org.oncofed.proto.federation.v1.EvaluateTask;
import org.oncofed.proto.federation.v1.EvaluationReceipt;
import org.oncofed.proto.federation.v1.EvaluationReport;
import org.oncofed.proto.federation.v1.FederationGrpc;
import org.oncofed.proto.federation.v1.NodeState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One evaluation task: fetch the model, evaluate it on the local validation or test split, and
 * return only a confusion matrix and score histograms.
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

  EvaluationReceipt run() {
    String id = task.getTaskId();
    Instant deadline = Instant.ofEpochMilli(task.getDeadlineMs());
    ModelSpec spec = ModelSpec.fromProto(task.getSpec());
    TrainingConfig preprocessing = TrainingConfig.fromProto(task.getPreprocessing());
    LocalData.Part part = task.getSplit() == DataSplit.DATA_SPLIT_TEST ? LocalData.Part.TEST : LocalData.Part.VALIDATION;

    context.activity().working(NodeState.NODE_STATE_FETCHING, id, "downloading model "
        + TrainingTask.abbreviate(task.getModel().getSha256()));
    EncodedParameters model = ModelDownloader.fetch(context.link().channel(), id, task.getModel(), deadline);
    context.activity().working(NodeState.NODE_STATE_EVALUATING, id, "evaluating on the " + part + " split");
    var data = context.data().iterator(part, spec.inputSize(), spec.channels(), preprocessing.windowCenter(),
        preprocessing.windowWidth(), false, preprocessing.seed(), preprocessing.batchSize());
    EvaluationCounts counts = new LocalEvaluator(context.catalogue())
        .evaluate(spec, model.decode(), data, task.getHistogramBins(), cancel);
    EvaluationReport report = counts.writeTo(EvaluationReport.newBuilder()
            .setTaskId(id)
            .setModelSha256(model.sha256())
            .setSplit(task.getSplit()))
        .build();
    LOG.info("Task {}: model {} on {} {} slices, accuracy {}", TrainingTask.abbreviate(id),
        TrainingTask.abbreviate(model.sha256()), counts.examples(), part.name().toLowerCase(java.util.Locale.ROOT),
        String.format(java.util.Locale.ROOT, "%.3f", (double) counts.confusion().correct() / Math.max(1, counts.examples())));
    context.ledger().recordEvaluation(task.getExperimentId(), task.getRound(), report);
    context.activity().working(NodeState.NODE_STATE_UPLOADING, id, "sending evaluation counts");
    return FederationGrpc.newBlockingStub(context.link().channel())
        .withDeadlineAfter(Math.max(1, deadline.toEpochMilli() - System.currentTimeMillis()), TimeUnit.MILLISECONDS)
        .submitEvaluation(report);
  }
}
