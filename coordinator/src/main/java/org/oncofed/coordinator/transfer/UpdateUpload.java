package org.oncofed.coordinator.transfer;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.oncofed.common.SiteId;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.common.model.ParameterAssembler;
import org.oncofed.coordinator.aggregation.UpdateRejectedException;
import org.oncofed.coordinator.round.ReceivedUpdate;
import org.oncofed.coordinator.round.Submissions;
import org.oncofed.coordinator.round.TaskRefusedException;
import org.oncofed.proto.federation.v1.SubmitUpdateResponse;
import org.oncofed.proto.federation.v1.UpdateChunk;
import org.oncofed.proto.federation.v1.UpdateHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one update: a header (checked before any data is accepted), data chunks assembled and
 * hashed as they arrive, and a trailer with the expected hash. Every refusal is answered with the
 * reason, which the node logs. A semaphore bounds how many updates are held in memory at once.
 */
final class UpdateUpload implements StreamObserver<UpdateChunk> {

  private static final Logger LOG = LoggerFactory.getLogger(UpdateUpload.class);

  private final SiteId site;
  private final Submissions submissions;
  private final Semaphore memory;
  private final StreamObserver<SubmitUpdateResponse> out;
  private UpdateHeader header;
  private ParameterAssembler assembler;
  private boolean holdsPermit;
  private boolean answered;

  UpdateUpload(SiteId site, Submissions submissions, Semaphore memory, StreamObserver<SubmitUpdateResponse> out) {
    this.site = site;
    this.submissions = submissions;
    this.memory = memory;
    this.out = out;
  }

  @Override
  public void onNext(UpdateChunk chunk) {
    if (answered) {
      return;
    }
    try {
      switch (chunk.getBodyCase()) {
        case HEADER -> onHeader(chunk.getHeader());
        case DATA -> onData(chunk);
        case TRAILER -> onTrailer(chunk.getTrailer().getSha256());
        case BODY_NOT_SET -> refuse("empty upload chunk");
      }
    } catch (UpdateRejectedException e) {
      answer(false, null, e.reason());
    } catch (TaskRefusedException e) {
      answer(false, null, e.getMessage());
    } catch (IllegalArgumentException e) {
      reject(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer(false, null, "coordinator is shutting down");
    }
  }

  private void onHeader(UpdateHeader received) throws InterruptedException {
    if (header != null) {
      reject("a second upload header arrived");
      return;
    }
    header = received;
    var expected = submissions.expectUpdate(site, received);
    if (!memory.tryAcquire(5, TimeUnit.MINUTES)) {
      answer(false, null, "coordinator busy receiving other updates; try again");
      return;
    }
    holdsPermit = true;
    assembler = ParameterAssembler.expecting(expected);
  }

  private void onData(UpdateChunk chunk) {
    if (assembler == null) {
      refuse("upload data arrived before its header");
      return;
    }
    assembler.append(chunk.getData());
  }

  private void onTrailer(String sha256) {
    if (assembler == null) {
      refuse("upload trailer arrived before its header");
      return;
    }
    EncodedParameters encoded = assembler.finish(sha256);
    assembler = null;
    ReceivedUpdate update = new ReceivedUpdate(site, header.getTaskId(), encoded.decode(), encoded,
        header.getSampleCount(), header.getMetricsMap(), header.getProvenanceJson(), header.getProvenanceSha256());
    answer(true, submissions.acceptUpdate(update), null);
  }

  /** Malformed data for a task of this site: the task is rejected. */
  private void reject(String reason) {
    if (header != null) {
      submissions.rejectUpload(site, header.getTaskId(), reason);
    }
    answer(false, null, reason);
  }

  /** A protocol error before any task was named: nothing to reject. */
  private void refuse(String reason) {
    answer(false, null, reason);
  }

  private void answer(boolean accepted, String sha256, String reason) {
    if (answered) {
      return;
    }
    answered = true;
    release();
    if (!accepted) {
      LOG.warn("Update from '{}' for task {} refused: {}", site, header == null ? "?" : header.getTaskId(), reason);
    }
    SubmitUpdateResponse.Builder response = SubmitUpdateResponse.newBuilder().setAccepted(accepted);
    if (sha256 != null) {
      response.setUpdateSha256(sha256);
    }
    if (reason != null) {
      response.setReason(reason);
    }
    out.onNext(response.build());
    out.onCompleted();
  }

  @Override
  public void onError(Throwable error) {
    release();
    if (!answered && header != null) {
      LOG.info("Upload from '{}' for task {} broke off: {}", site, header.getTaskId(), error.toString());
    }
    answered = true;
  }

  @Override
  public void onCompleted() {
    if (!answered) {
      reject(assembler == null ? "upload ended without a header" : "upload ended without a trailer");
    }
  }

  private void release() {
    assembler = null;
    if (holdsPermit) {
      holdsPermit = false;
      memory.release();
    }
  }
}
