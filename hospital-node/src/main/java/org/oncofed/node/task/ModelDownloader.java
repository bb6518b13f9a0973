package org.oncofed.node.task;

import io.grpc.Channel;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.common.model.ParameterAssembler;
import org.oncofed.proto.federation.v1.FederationGrpc;
import org.oncofed.proto.federation.v1.FetchModelRequest;
import org.oncofed.proto.federation.v1.ModelChunk;
import org.oncofed.proto.federation.v1.ModelRef;

/**
 * Downloads the model a task names, in chunks, and verifies its hash and size before use. Public
 * so that the benchmark suite times the very download a training task runs.
 */
public final class ModelDownloader {

  private ModelDownloader() {}

  /**
   * @throws IllegalStateException when the coordinator sends another model, or data that does
   *     not match the announced size and hash
   */
  public static EncodedParameters fetch(Channel channel, String taskId, ModelRef wanted, Instant deadline) {
    Iterator<ModelChunk> chunks = FederationGrpc.newBlockingStub(channel)
        .withDeadlineAfter(Math.max(1, deadline.toEpochMilli() - System.currentTimeMillis()), TimeUnit.MILLISECONDS)
        .fetchModel(FetchModelRequest.newBuilder().setTaskId(taskId).setSha256(wanted.getSha256()).build());
    if (!chunks.hasNext()) {
      throw new IllegalStateException("the coordinator sent no model for task " + taskId);
    }
    ModelChunk first = chunks.next();
    if (!first.hasHeader() || !first.getHeader().getSha256().equals(wanted.getSha256())) {
      throw new IllegalStateException("the coordinator sent model " + first.getHeader().getSha256()
          + " for task " + taskId + ", which names " + wanted.getSha256());
    }
    ParameterAssembler assembler = ParameterAssembler.expecting(first.getHeader());
    while (chunks.hasNext()) {
      ModelChunk chunk = chunks.next();
      if (!chunk.hasData()) {
        throw new IllegalStateException("unexpected " + chunk.getBodyCase() + " in the model stream of task " + taskId);
      }
      assembler.append(chunk.getData());
    }
    return assembler.finish(wanted.getSha256());
  }
}
