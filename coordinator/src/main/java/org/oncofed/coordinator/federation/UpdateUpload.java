package org.oncofed.coordinator.federation;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.oncofed.common.SiteId;
import org.oncofed.common.cli.Failures;
import org.oncofed.coordinator.store.StoreOutage;
import org.oncofed.coordinator.task.IncomingUpdate;
import org.oncofed.coordinator.task.TaskRefusedException;
import org.oncofed.coordinator.task.UpdateIntake;
import org.oncofed.coordinator.task.UpdateRejectedException;
import org.oncofed.proto.federation.v1.FederationGrpc;
import org.oncofed.proto.federation.v1.SubmitUpdateResponse;
import org.oncofed.proto.federation.v1.UpdateChunk;
import org.oncofed.proto.federation.v1.UpdateHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one update stream: a header, data chunks, a trailer with the expected hash, each passed
 * to the {@link UpdateIntake}, which holds every check. Every refusal is answered with the reason
 * and the check that failed, which the node logs. A semaphore bounds how many updates are held in
 * memory at once.
 */
final class UpdateUpload implements StreamObserver<UpdateChunk> {

  private static final Logger LOG = LoggerFactory.getLogger(UpdateUpload.class);

  private final NodeIdentity node;
  private final SiteId site;
  private final UpdateIntake intake;
  private final Semaphore memory;
  private final CallRefusals refusals;
  private final StreamObserver<SubmitUpdateResponse> out;
  private IncomingUpdate incoming;
  private String taskId = "";
  private boolean holdsPermit;
  private boolean answered;

  UpdateUpload(NodeIdentity node, UpdateIntake intake, Semaphore memory, CallRefusals refusals,
      StreamObserver<SubmitUpdateResponse> out) {
    this.node = node;
    this.site = node.site();
    this.intake = intake;
    this.memory = memory;
    this.refusals = refusals;
    this.out = out;
  }

  @Override
  public void onNext(UpdateChunk chunk) {
    if (answered) {
      return;
    }
    if (chunk.getBodyCase() == UpdateChunk.BodyCase.BODY_NOT_SET) {
      refuse("empty upload chunk", "");
      return;
    }
    if (incoming == null && chunk.getBodyCase() != UpdateChunk.BodyCase.HEADER) {
      // A protocol error before any task was named: there is no task to reject.
      refuse("upload " + chunk.getBodyCase().name().toLowerCase(java.util.Locale.ROOT)
          + " arrived before its header", "");
      return;
    }
    try {
      switch (chunk.getBodyCase()) {
        case HEADER -> onHeader(chunk.getHeader());
        case DATA -> incoming.append(chunk.getData());
        case TRAILER -> answer(incoming.finish(chunk.getTrailer().getSha256()));
        default -> throw new IllegalStateException("unexpected chunk " + chunk.getBodyCase());
      }
    } catch (UpdateRejectedException e) {
      refuse(e.reason(), e.check().code());
    } catch (TaskRefusedException e) {
      refuse(e.getMessage(), "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      refuse("coordinator is shutting down", "");
    } catch (RuntimeException e) {
      if (!StoreOutage.causedBy(e)) {
        throw e;
      }
      // Nothing was committed: the node may send the update again once the database is back.
      LOG.warn("Update from '{}' for task {} not taken: the database is unavailable ({})", site, taskId,
          Failures.rootMessage(e));
      answered = true;
      release();
      out.onError(StoreOutageInterceptor.UNAVAILABLE.asRuntimeException());
    }
  }

  private void onHeader(UpdateHeader header) throws InterruptedException {
    if (incoming != null) {
      throw incoming.abandon("a second upload header arrived");
    }
    taskId = header.getTaskId();
    incoming = intake.open(site, header);
    if (!memory.tryAcquire(5, TimeUnit.MINUTES)) {
      refuse("coordinator busy receiving other updates; try again", "");
      return;
    }
    holdsPermit = true;
  }

  private void answer(String sha256) {
    respond(SubmitUpdateResponse.newBuilder().setAccepted(true).setUpdateSha256(sha256).build());
  }

  /**
   * Answers a refusal. One with a check is an update the intake rejected, which recorded it as
   * {@code UPDATE_REJECTED}; one without is a call refused before any update was judged, recorded here.
   */
  private void refuse(String reason, String check) {
    if (check.isEmpty()) {
      refusals.refusedNode(node, FederationGrpc.getSubmitUpdateMethod().getFullMethodName(), reason, null, taskId);
    } else {
      LOG.warn("Update from '{}' for task {} refused ({}): {}", site, taskId, check, reason);
    }
    respond(SubmitUpdateResponse.newBuilder().setAccepted(false).setReason(reason).setReasonCode(check).build());
  }

  private void respond(SubmitUpdateResponse response) {
    if (answered) {
      return;
    }
    answered = true;
    release();
    out.onNext(response);
    out.onCompleted();
  }

  @Override
  public void onError(Throwable error) {
    if (!answered && incoming != null) {
      LOG.info("Upload from '{}' for task {} broke off: {}", site, taskId, error.toString());
    }
    answered = true;
    release();
  }

  @Override
  public void onCompleted() {
    if (!answered) {
      if (incoming == null) {
        refuse("upload ended without a header", "");
      } else {
        UpdateRejectedException rejected = incoming.abandon("upload ended without a trailer");
        refuse(rejected.reason(), rejected.check().code());
      }
    }
  }

  /** Lets go of the update's buffer and its share of the upload memory. */
  private void release() {
    incoming = null;
    if (holdsPermit) {
      holdsPermit = false;
      memory.release();
    }
  }
}
