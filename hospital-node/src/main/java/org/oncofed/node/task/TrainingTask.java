package org.oncofed.node.task;

import java.time.Instant;
import java.util.Locale;
import org.oncofed.common.hash.Sha256;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.common.model.TrainingConfig;
import org.oncofed.common.model.UpdateProvenance;
import org.oncofed.node.dataset.PreprocessingOptions;
import org.oncofed.node.localdata.LocalData;
import org.oncofed.node.privacy.PrivacyFilter;
import org.oncofed.node.train.CancellationSignal;
import org.oncofed.node.train.EpochProgress;
import org.oncofed.node.train.LocalEvaluator;
import org.oncofed.node.train.LocalTrainer;
import org.oncofed.node.train.TrainingOutcome;
import org.oncofed.node.train.TrainingRequest;
import org.oncofed.proto.federation.v1.DataSplit;
import org.oncofed.proto.federation.v1.EvaluationReport;
import org.oncofed.proto.federation.v1.NodeState;
import org.oncofed.proto.federation.v1.PrivacySpent;
import org.oncofed.proto.federation.v1.SubmitUpdateResponse;
import org.oncofed.proto.federation.v1.TaskProgress;
import org.oncofed.proto.federation.v1.TrainTask;
import org.oncofed.proto.federation.v1.UpdateHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training task at this site: fetch the global model, train on the local training split,
 * apply the privacy filters, charge the release to the privacy account, record what is about to
 * leave in the ledger, upload (or, for a baseline the site keeps, send only its test counts).
 */
final class TrainingTask {

  private static final Logger LOG = LoggerFactory.getLogger(TrainingTask.class);

  private final TaskContext context;
  private final TrainTask task;
  private final CancellationSignal cancel;

  TrainingTask(TaskContext context, TrainTask task, CancellationSignal cancel) {
    this.context = context;
    this.task = task;
    this.cancel = cancel;
  }

  /**
   * Runs the task: an update (or a baseline the site shares) is uploaded; a baseline the site's
   * policy keeps is evaluated here on the test split and only the counts leave.
   */
  void run() throws InterruptedException {
    String id = task.getTaskId();
    Instant deadline = Instant.ofEpochMilli(task.getDeadlineMs());
    ModelSpec spec = ModelSpec.fromProto(task.getSpec());
    TrainingConfig training = TrainingConfig.fromProto(task.getTraining());

    context.activity().working(NodeState.NODE_STATE_FETCHING, id, "downloading model " + abbreviate(task.getBaseModel().getSha256()));
    EncodedParameters base = ModelDownloader.fetch(context.link().channel(), id, task.getBaseModel(), deadline);
    float[] baseParameters = base.decode();

    context.activity().working(NodeState.NODE_STATE_TRAINING, id, "preparing training data");
    PreprocessingOptions options = PreprocessingOptions.of(spec, training, true);
    LocalData.TrainingData data = context.data().trainingData(options, training.holdoutFraction(), training.seed());
    // Round r continues the shuffles where round r-1 ended; a baseline starts at the first epoch.
    data.train().rewindTo(task.getLocalBaseline() ? 0 : Math.max(0, task.getRound() - 1) * training.epochs());
    long[] classCounts = data.train().classCounts();
    String kind = task.getLocalBaseline() ? "local baseline" : "round " + task.getRound();
    LOG.info("Task {} ({}): training {} at {} px on {} slices, {} epoch(s)", abbreviate(id), kind,
        spec.architecture(), spec.inputSize(), data.train().numExamples(), training.epochs());
    TrainingOutcome outcome = new LocalTrainer(context.catalogue()).train(
        new TrainingRequest(spec, baseParameters, training, classCounts), data.train(), data.holdout(), this::progress,
        cancel);

    float[] parameters = outcome.parameters();
    PrivacyFilter.Applied privacy = new PrivacyFilter().apply(baseParameters, parameters, task.getPrivacy());
    PrivacySpent spent = context.account().charge(privacy.toProto());
    EncodedParameters update = EncodedParameters.encode(parameters);
    if (task.getLocalBaseline() && !context.policy().sharesBaseline()) {
      keepOnSite(spec, training, parameters, update.sha256(), privacy, spent, deadline);
      return;
    }
    UpdateProvenance provenance = UpdateProvenance.of(task.getExperimentId(), task.getRound(), base.sha256(), spec,
        training, context.data().fingerprint(LocalData.Part.TRAIN),
        options.steps(),
        outcome.sampleCount(), update.sha256(), context.runtime(), context.clock().millis());
    String provenanceJson = provenance.canonicalJson();

    context.ledger().recordUpdate(id, task.getExperimentId(), task.getRound(), update.sha256(), update.sizeBytes(),
        outcome.sampleCount(), privacy.toProto(), spent);
    context.activity().working(NodeState.NODE_STATE_UPLOADING, id, "uploading update " + abbreviate(update.sha256()));
    UpdateHeader header = UpdateHeader.newBuilder()
        .setTaskId(id)
        .setBaseModelSha256(base.sha256())
        .setSampleCount(outcome.sampleCount())
        .setEncoding(update.encoding().toProto())
        .setParameterCount(update.parameterCount())
        .setSizeBytes(update.sizeBytes())
        .putAllMetrics(outcome.metrics())
        .setPrivacyApplied(privacy.toProto())
        .setProvenanceSha256(Sha256.hex(provenanceJson))
        .setProvenanceJson(provenanceJson)
        .setPrivacySpent(spent)
        .build();
    SubmitUpdateResponse answer = UnavailableRetries.send("update " + abbreviate(update.sha256()), deadline, cancel,
        context.clock(), () -> UpdateUploader.upload(context.link().channel(), header, update,
            context.link().chunkSize(), deadline));
    context.ledger().recordAnswer(task.getExperimentId(), task.getRound(), id, answer.getAccepted(), answer.getReason());
    if (answer.getAccepted()) {
      LOG.info("Update for task {} accepted by the coordinator ({})", abbreviate(id),
          abbreviate(answer.getUpdateSha256()));
    } else {
      LOG.warn("Update for task {} rejected by the coordinator{}: {}", abbreviate(id),
          answer.getReasonCode().isEmpty() ? "" : " (" + answer.getReasonCode() + ")", answer.getReason());
    }
  }

  /**
   * The site's policy keeps its baseline: it is evaluated on the site's own test split and only
   * those counts leave, charged like the baseline itself (they are computed from it).
   */
  private void keepOnSite(ModelSpec spec, TrainingConfig training, float[] parameters, String modelSha256,
      PrivacyFilter.Applied privacy, PrivacySpent spent, Instant deadline) throws InterruptedException {
    String id = task.getTaskId();
    context.activity().working(NodeState.NODE_STATE_EVALUATING, id, "evaluating the local baseline, kept on-site");
    var data = context.data().iterator(LocalData.Part.TEST, PreprocessingOptions.of(spec, training, false));
    EvaluationCounts counts = new LocalEvaluator(context.catalogue())
        .evaluate(spec, parameters, data, EvaluationCounts.HISTOGRAM_BINS, cancel);
    EvaluationReport report = counts.writeTo(EvaluationReport.newBuilder()
            .setTaskId(id)
            .setModelSha256(modelSha256)
            .setSplit(DataSplit.DATA_SPLIT_TEST)
            .setPrivacySpent(spent))
        .build();
    LOG.info("Task {}: local baseline {} kept on-site by the site's policy; sending only its counts on {} test slices",
        abbreviate(id), abbreviate(modelSha256), counts.examples());
    context.ledger().recordKeptBaseline(task.getExperimentId(), task.getRound(), report, privacy.toProto());
    EvaluationTask.send(context, task.getExperimentId(), task.getRound(), report, deadline, cancel);
  }

  private void progress(EpochProgress epoch) {
    String detail = String.format(Locale.ROOT, "epoch %d/%d, loss %.4f, %.0f slices/s", epoch.epoch(),
        epoch.totalEpochs(), epoch.loss(), epoch.examplesPerSecond());
    LOG.info("Task {}: {}", abbreviate(task.getTaskId()), detail);
    context.activity().working(NodeState.NODE_STATE_TRAINING, task.getTaskId(), detail);
    context.reportProgress(TaskProgress.newBuilder()
        .setTaskId(task.getTaskId())
        .setEpoch(epoch.epoch())
        .setTotalEpochs(epoch.totalEpochs())
        .setLoss(epoch.loss())
        .setFractionDone(epoch.fractionDone())
        .build());
  }

  static String abbreviate(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }
}
