package org.oncofed.coordinator;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.oncofed.certs.Credential;
import org.oncofed.common.hash.Sha256;
import org.oncofed.common.metrics.ConfusionMatrix;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.common.metrics.ScoreHistogram;
import org.oncofed.common.model.DataFingerprint;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.common.model.ParameterAssembler;
import org.oncofed.common.model.RuntimeEnvironment;
import org.oncofed.common.model.TrainingConfig;
import org.oncofed.common.model.UpdateProvenance;
import org.oncofed.coordinator.federation.TestNode;
import org.oncofed.proto.federation.v1.CancelTask;
import org.oncofed.proto.federation.v1.CoordinatorMessage;
import org.oncofed.proto.federation.v1.DatasetSummary;
import org.oncofed.proto.federation.v1.EvaluateTask;
import org.oncofed.proto.federation.v1.EvaluationReceipt;
import org.oncofed.proto.federation.v1.EvaluationReport;
import org.oncofed.proto.federation.v1.FederationGrpc;
import org.oncofed.proto.federation.v1.FetchModelRequest;
import org.oncofed.proto.federation.v1.Hello;
import org.oncofed.proto.federation.v1.ModelChunk;
import org.oncofed.proto.federation.v1.NodeMessage;
import org.oncofed.proto.federation.v1.SplitCounts;
import org.oncofed.proto.federation.v1.SubmitUpdateResponse;
import org.oncofed.proto.federation.v1.TaskDeclined;
import org.oncofed.proto.federation.v1.TrainTask;
import org.oncofed.proto.federation.v1.UpdateChunk;
import org.oncofed.proto.federation.v1.UpdateHeader;
import org.oncofed.proto.federation.v1.UpdateTrailer;

/**
 * A hospital site played by test code over the real mTLS federation service: it announces a
 * registered dataset, receives tasks, fetches models and uploads whatever update the test wants,
 * well-formed or not.
 */
public final class FakeSite implements AutoCloseable {

  /** Training slices per class the site registers: 30 in all. */
  public static final List<Long> TRAIN_SPLIT = List.of(10L, 10L, 10L);

  private static final RuntimeEnvironment RUNTIME =
      new RuntimeEnvironment("test", "test", "cpu", "test", "none", "17", "test", "linux", "6", "amd64", 2);

  public final String site;
  private final ManagedChannel channel;
  private final TestNode node;

  public FakeSite(RunningCoordinator coordinator, Credential credential) throws InterruptedException {
    this.site = credential.name();
    this.channel = coordinator.channel(credential);
    SplitCounts split = SplitCounts.newBuilder().addAllPerClass(TRAIN_SPLIT).setPatients(6).build();
    this.node = new TestNode(channel).hello(Hello.newBuilder()
        .setSiteId(site)
        .setSoftwareVersion("test")
        .setBackend("cpu")
        .setDevice("test")
        .addCatalogue("small-cnn")
        .setDataset(DatasetSummary.newBuilder()
            .setFingerprint(Sha256.hex(site))
            .setTrain(split)
            .setValidation(split)
            .setTest(split))
        .build());
    if (!node.next(Duration.ofSeconds(10)).hasWelcome()) {
      throw new IllegalStateException("no Welcome for " + site);
    }
  }

  /** Waits for the next training task; evaluation tasks meanwhile are declined. */
  public TrainTask nextTrainTask(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      node.heartbeat();
      CoordinatorMessage message = node.received.poll(500, TimeUnit.MILLISECONDS);
      if (message != null && message.hasTrain()) {
        return message.getTrain();
      }
      if (message != null && message.hasEvaluate()) {
        node.send(NodeMessage.newBuilder().setDeclined(TaskDeclined.newBuilder()
            .setTaskId(message.getEvaluate().getTaskId()).setReason("this test site does not evaluate")).build());
      }
    }
    throw new AssertionError(site + " received no training task within " + timeout);
  }

  /** Waits for the next evaluation task; other messages meanwhile are dropped. */
  public EvaluateTask nextEvaluateTask(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      node.heartbeat();
      CoordinatorMessage message = node.received.poll(500, TimeUnit.MILLISECONDS);
      if (message != null && message.hasEvaluate()) {
        return message.getEvaluate();
      }
    }
    throw new AssertionError(site + " received no evaluation task within " + timeout);
  }

  /** Answers an evaluation task as a site whose ten slices per class were all classified right. */
  public EvaluationReceipt evaluatePerfectly(EvaluateTask task) {
    int classes = task.getSpec().getClassesCount();
    int bins = task.getHistogramBins();
    long[] confusion = new long[classes * classes];
    List<ScoreHistogram> histograms = new java.util.ArrayList<>();
    for (int c = 0; c < classes; c++) {
      confusion[c * classes + c] = 10;
      long[] positives = new long[bins];
      long[] negatives = new long[bins];
      positives[bins - 1] = 10;
      negatives[0] = 10L * (classes - 1);
      histograms.add(ScoreHistogram.of(c, positives, negatives));
    }
    EvaluationCounts counts = new EvaluationCounts(ConfusionMatrix.of(classes, confusion), histograms, 0.1);
    EvaluationReport report = counts.writeTo(EvaluationReport.newBuilder()
        .setTaskId(task.getTaskId())
        .setModelSha256(task.getModel().getSha256())
        .setSplit(task.getSplit())).build();
    return FederationGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS).submitEvaluation(report);
  }

  /** Says in a heartbeat that the site is still training {@code taskId}. */
  public void stillTraining(String taskId) {
    node.heartbeat(taskId);
  }

  /** Waits for the coordinator to tell the site to stop working on a task. */
  public CancelTask nextCancel(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      CoordinatorMessage message = node.received.poll(500, TimeUnit.MILLISECONDS);
      if (message != null && message.hasCancel()) {
        return message.getCancel();
      }
    }
    throw new AssertionError(site + " was told to cancel nothing within " + timeout);
  }

  /** True when a training task has arrived that no call has taken yet. */
  public boolean hasPendingTrainTask() throws InterruptedException {
    Thread.sleep(1_000);
    return node.received.stream().anyMatch(CoordinatorMessage::hasTrain);
  }

  public EncodedParameters fetch(TrainTask task) {
    Iterator<ModelChunk> chunks = FederationGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
        .fetchModel(FetchModelRequest.newBuilder().setTaskId(task.getTaskId())
            .setSha256(task.getBaseModel().getSha256()).build());
    ParameterAssembler assembler = ParameterAssembler.expecting(chunks.next().getHeader());
    chunks.forEachRemaining(chunk -> assembler.append(chunk.getData()));
    return assembler.finish(task.getBaseModel().getSha256());
  }

  /** A header that the coordinator should accept for {@code update} trained by this site. */
  public UpdateHeader.Builder header(TrainTask task, EncodedParameters update, long samples) {
    UpdateProvenance provenance = UpdateProvenance.of(task.getExperimentId(), task.getRound(),
        task.getBaseModel().getSha256(), ModelSpec.fromProto(task.getSpec()), TrainingConfig.fromProto(task.getTraining()),
        new DataFingerprint(Sha256.hex(site), "train", TRAIN_SPLIT), List.of("test"), samples, update.sha256(),
        RUNTIME, System.currentTimeMillis());
    return UpdateHeader.newBuilder()
        .setTaskId(task.getTaskId())
        .setBaseModelSha256(task.getBaseModel().getSha256())
        .setSampleCount(samples)
        .setEncoding(update.encoding().toProto())
        .setParameterCount(update.parameterCount())
        .setSizeBytes(update.sizeBytes())
        .putMetrics("train_loss", 1.0)
        .setProvenanceJson(provenance.canonicalJson())
        .setProvenanceSha256(provenance.sha256());
  }

  /** Uploads header, the bytes in 64 KiB chunks and a trailer naming {@code trailerSha256}; returns the answer. */
  public SubmitUpdateResponse submit(UpdateHeader header, byte[] data, String trailerSha256) throws Exception {
    CompletableFuture<SubmitUpdateResponse> answer = new CompletableFuture<>();
    StreamObserver<UpdateChunk> out = FederationGrpc.newStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
        .submitUpdate(new StreamObserver<>() {
          @Override
          public void onNext(SubmitUpdateResponse response) {
            answer.complete(response);
          }

          @Override
          public void onError(Throwable error) {
            answer.completeExceptionally(error);
          }

          @Override
          public void onCompleted() {}
        });
    out.onNext(UpdateChunk.newBuilder().setHeader(header).build());
    for (int offset = 0; offset < data.length; offset += 65_536) {
      out.onNext(UpdateChunk.newBuilder()
          .setData(ByteString.copyFrom(data, offset, Math.min(65_536, data.length - offset))).build());
    }
    out.onNext(UpdateChunk.newBuilder().setTrailer(UpdateTrailer.newBuilder().setSha256(trailerSha256)).build());
    out.onCompleted();
    return answer.get(30, TimeUnit.SECONDS);
  }

  public SubmitUpdateResponse submit(UpdateHeader header, EncodedParameters update) throws Exception {
    return submit(header, update.toByteArray(), update.sha256());
  }

  @Override
  public void close() throws InterruptedException {
    node.close();
    RunningCoordinator.shutdown(channel);
  }
}
