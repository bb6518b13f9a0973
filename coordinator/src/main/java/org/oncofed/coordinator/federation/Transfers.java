package org.oncofed.coordinator.federation;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.oncofed.common.SiteId;
import org.oncofed.coordinator.model.ModelRecord;
import org.oncofed.coordinator.model.ModelStore;
import org.oncofed.coordinator.task.EvaluationIntake;
import org.oncofed.coordinator.task.UpdateIntake;
import org.oncofed.coordinator.task.TaskBook;
import org.oncofed.coordinator.task.TaskRecord;
import org.oncofed.coordinator.task.TaskRefusedException;
import org.oncofed.proto.federation.v1.EvaluationReceipt;
import org.oncofed.proto.federation.v1.EvaluationReport;
import org.oncofed.proto.federation.v1.FetchModelRequest;
import org.oncofed.proto.federation.v1.ModelChunk;
import org.oncofed.proto.federation.v1.ModelRef;
import org.oncofed.proto.federation.v1.ParameterEncoding;
import org.oncofed.proto.federation.v1.SubmitUpdateResponse;
import org.oncofed.proto.federation.v1.UpdateChunk;

/**
 * Moves models and results between the coordinator and sites for the federation service: a site
 * may download only the model its open task names; what it sends back goes to the intakes.
 */
@Singleton
class Transfers {

  private final TaskBook book;
  private final ModelStore models;
  private final UpdateIntake updates;
  private final EvaluationIntake evaluations;
  private final int chunkSize;
  private final Semaphore uploadMemory;

  Transfers(TaskBook book, ModelStore models, UpdateIntake updates, EvaluationIntake evaluations,
      FederationConfiguration configuration) {
    this.book = book;
    this.models = models;
    this.updates = updates;
    this.evaluations = evaluations;
    this.chunkSize = configuration.chunkSize();
    this.uploadMemory = new Semaphore(configuration.maxConcurrentUploads(), true);
  }

  public void fetchModel(SiteId site, FetchModelRequest request, StreamObserver<ModelChunk> out) {
    TaskRecord task;
    try {
      task = book.requireOpen(request.getTaskId(), site);
    } catch (TaskRefusedException e) {
      out.onError(Status.PERMISSION_DENIED.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    if (!task.modelSha256().equals(request.getSha256())) {
      out.onError(Status.PERMISSION_DENIED.withDescription("task " + task.taskId() + " names model "
          + task.modelSha256() + ", not " + request.getSha256()).asRuntimeException());
      return;
    }
    ModelRecord model = models.find(task.experimentId(), task.modelSha256())
        .orElseThrow(() -> Status.INTERNAL.withDescription("model of task " + task.taskId() + " is missing")
            .asRuntimeException());
    ModelRef header = ModelRef.newBuilder()
        .setSha256(model.sha256())
        .setSizeBytes(model.sizeBytes())
        .setParameterCount(model.parameterCount())
        .setEncoding(ParameterEncoding.PARAMETER_ENCODING_F32_LE_V1)
        .build();
    try {
      ModelDownload.start((ServerCallStreamObserver<ModelChunk>) out, models.open(model.sha256()), header, chunkSize);
    } catch (IOException e) {
      out.onError(Status.INTERNAL.withDescription("cannot open model " + model.sha256()).asRuntimeException());
    }
  }

  public StreamObserver<UpdateChunk> submitUpdate(SiteId site, StreamObserver<SubmitUpdateResponse> out) {
    return new UpdateUpload(site, updates, uploadMemory, out);
  }

  public void submitEvaluation(SiteId site, EvaluationReport report, StreamObserver<EvaluationReceipt> out) {
    EvaluationReceipt.Builder receipt = EvaluationReceipt.newBuilder();
    try {
      evaluations.accept(site, report);
      receipt.setAccepted(true);
    } catch (TaskRefusedException | IllegalArgumentException e) {
      receipt.setAccepted(false).setReason(e.getMessage());
    }
    out.onNext(receipt.build());
    out.onCompleted();
  }
}
