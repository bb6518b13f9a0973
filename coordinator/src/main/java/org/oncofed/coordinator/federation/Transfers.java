package org.oncofed.coordinator.federation;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.oncofed.coordinator.model.ModelRecord;
import org.oncofed.coordinator.model.ModelStore;
import org.oncofed.coordinator.task.EvaluationIntake;
import org.oncofed.coordinator.task.UpdateIntake;
import org.oncofed.coordinator.task.TaskBook;
import org.oncofed.coordinator.task.TaskRecord;
import org.oncofed.coordinator.task.TaskRefusedException;
import org.oncofed.proto.federation.v1.EvaluationReceipt;
import org.oncofed.proto.federation.v1.EvaluationReport;
import org.oncofed.proto.federation.v1.FederationGrpc;
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
  private final CallRefusals refusals;

  Transfers(TaskBook book, ModelStore models, UpdateIntake updates, EvaluationIntake evaluations,
      FederationConfiguration configuration, CallRefusals refusals) {
    this.book = book;
    this.models = models;
    this.updates = updates;
    this.evaluations = evaluations;
    this.refusals = refusals;
    this.chunkSize = configuration.chunkSize();
    this.uploadMemory = new Semaphore(configuration.maxConcurrentUploads(), true);
  }

  public void fetchModel(NodeIdentity node, FetchModelRequest request, StreamObserver<ModelChunk> out) {
    TaskRecord task;
    try {
      task = book.requireOpen(request.getTaskId(), node.site());
    } catch (TaskRefusedException e) {
      refuseFetch(node, request, out, e.getMessage());
      return;
    }
    if (!task.modelSha256().equals(request.getSha256())) {
      refuseFetch(node, request, out, "task " + task.taskId() + " names model " + task.modelSha256() + ", not "
          + request.getSha256());
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

  public StreamObserver<UpdateChunk> submitUpdate(NodeIdentity node, StreamObserver<SubmitUpdateResponse> out) {
    return new UpdateUpload(node, updates, uploadMemory, refusals, out);
  }

  public void submitEvaluation(NodeIdentity node, EvaluationReport report, StreamObserver<EvaluationReceipt> out) {
    EvaluationReceipt.Builder receipt = EvaluationReceipt.newBuilder();
    try {
      evaluations.accept(node.site(), report);
      receipt.setAccepted(true);
    } catch (TaskRefusedException | IllegalArgumentException e) {
      refusals.refusedNode(node, FederationGrpc.getSubmitEvaluationMethod().getFullMethodName(), e.getMessage(), null,
          report.getTaskId());
      receipt.setAccepted(false).setReason(e.getMessage());
    }
    out.onNext(receipt.build());
    out.onCompleted();
  }

  private void refuseFetch(NodeIdentity node, FetchModelRequest request, StreamObserver<ModelChunk> out,
      String reason) {
    refusals.refusedNode(node, FederationGrpc.getFetchModelMethod().getFullMethodName(), reason,
        Status.Code.PERMISSION_DENIED, request.getTaskId());
    out.onError(Status.PERMISSION_DENIED.withDescription(reason).asRuntimeException());
  }
}
