package org.oncofed.node.task;

import java.time.Instant;
import java.util.Locale;
import org.oncofed.common.hash.Sha256;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.common.model.TrainingConfig;
import org.oncofed.common.model.UpdateProvenance;
import org.oncofed.node.dataset.PreprocessingOptions;
import org.oncofed.node.localdata.LocalData;
import org.oncofed.node.privacy.PrivacyFilter;
import org.oncofed.node.train.CancellationSignal;
import org.oncofed.node.train.EpochProgress;
import org.oncofed.node.train.LocalTrainer;
import org.oncofed.node.train.TrainingOutcome;
import org.oncofed.node.train.TrainingRequest;
import org.oncofed.proto.federation.v1.NodeState;
import org.oncofed.proto.federation.v1.SubmitUpdateResponse;
import org.oncofed.proto.federation.v1.TaskProgress;
import org.oncofed.proto.federation.v1.TrainTask;
import org.oncofed.proto.federation.v1.UpdateHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training task at this site: fetch the global model, train on the local training split,
 * apply the privacy filters, record what is about to leave in the ledger, upload.
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

  /** Runs the task; returns the coordinator's answer to the upload. */
  SubmitUpdateResponse run() throws InterruptedException {
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
    EncodedParameters update = EncodedParameters.encode(parameters);
    UpdateProvenance provenance = UpdateProvenance.of(task.getExperimentId(), task.getRound(), base.sha256(), spec,
        training, context.data().fingerprint(LocalData.Part.TRAIN),
        options.steps(),
        outcome.sampleCount(), update.sha256(), context.runtime(), context.clock().millis());
    String provenanceJson = provenance.canonicalJson();

    context.ledger().recordUpdate(id, task.getExperimentId(), task.getRound(), update.sha256(), update.sizeBytes(),
        outcome.sampleCount(), privacy.toProto());
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
        .build();
    SubmitUpdateResponse answer = UnavailableRetries.send("update " + abbreviate(update.sha256()), deadline, cancel,
        context.clock(), () -> UpdateUploader.upload(context.link().channel(), header, update,
            context.link().chunkSize(), deadline));
    context.ledger().recordAnswer(task.getExperimentId(), task.getRound(), id, answer.getAccepted(), answer.getReason());
    return answer;
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
