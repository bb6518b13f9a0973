package org.oncofed.node.task;

import com.google.protobuf.ByteString;
import io.grpc.Channel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.proto.federation.v1.FederationGrpc;
import org.oncofed.proto.federation.v1.SubmitUpdateResponse;
import org.oncofed.proto.federation.v1.UpdateChunk;
import org.oncofed.proto.federation.v1.UpdateHeader;
import org.oncofed.proto.federation.v1.UpdateTrailer;

/**
 * Uploads an update as header, chunks and trailer, writing only while the stream is ready so that
 * a large model is never buffered whole in the network layer. Public so that the benchmark suite
 * times the very upload a training task runs.
 */
public final class UpdateUploader {

  private UpdateUploader() {}

  /** Sends the update and waits for the coordinator's answer (accepted, or the reason it was not). */
  public static SubmitUpdateResponse upload(Channel channel, UpdateHeader header, EncodedParameters update, int chunkSize,
      Instant deadline) throws InterruptedException {
    long remaining = Math.max(1, deadline.toEpochMilli() - System.currentTimeMillis());
    CompletableFuture<SubmitUpdateResponse> answer = new CompletableFuture<>();
    Iterator<ByteString> chunks = update.chunks(chunkSize).iterator();
    FederationGrpc.newStub(channel).withDeadlineAfter(remaining, TimeUnit.MILLISECONDS)
        .submitUpdate(new ClientResponseObserver<UpdateChunk, SubmitUpdateResponse>() {
          private boolean headerSent;
          private boolean done;

          @Override
          public void beforeStart(ClientCallStreamObserver<UpdateChunk> requests) {
            requests.setOnReadyHandler(() -> {
              synchronized (this) {
                while (!done && requests.isReady()) {
                  if (!headerSent) {
                    requests.onNext(UpdateChunk.newBuilder().setHeader(header).build());
                    headerSent = true;
                  } else if (chunks.hasNext()) {
                    requests.onNext(UpdateChunk.newBuilder().setData(chunks.next()).build());
                  } else {
                    requests.onNext(UpdateChunk.newBuilder()
                        .setTrailer(UpdateTrailer.newBuilder().setSha256(update.sha256())).build());
                    requests.onCompleted();
                    done = true;
                  }
                }
              }
            });
          }

          @Override
          public void onNext(SubmitUpdateResponse response) {
            answer.complete(response);
          }

          @Override
          public void onError(Throwable error) {
            answer.completeExceptionally(error);
          }

          @Override
          public void onCompleted() {
            answer.completeExceptionally(new IllegalStateException("the coordinator closed the upload without an answer"));
          }
        });
    try {
      return answer.get(remaining + 5_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("upload failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer to the upload before the task's deadline", e);
    }
  }
}
