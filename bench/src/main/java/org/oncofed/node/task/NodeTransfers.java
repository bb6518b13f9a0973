package org.oncofed.node.task;

import io.grpc.Channel;
import java.time.Instant;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.proto.federation.v1.ModelRef;
import org.oncofed.proto.federation.v1.SubmitUpdateResponse;
import org.oncofed.proto.federation.v1.UpdateHeader;

/**
 * Benchmark seam, used only by the benchmark suite: the node's own model download and update
 * upload, which are package-private in the node, so that the transfer benchmark measures exactly
 * the code a training task runs.
 */
public final class NodeTransfers {

  private NodeTransfers() {}

  /** {@link ModelDownloader#fetch}. */
  public static EncodedParameters fetch(Channel channel, String taskId, ModelRef wanted, Instant deadline) {
    return ModelDownloader.fetch(channel, taskId, wanted, deadline);
  }

  /** {@link UpdateUploader#upload}. */
  public static SubmitUpdateResponse upload(Channel channel, UpdateHeader header, EncodedParameters update,
      int chunkSize, Instant deadline) throws InterruptedException {
    return UpdateUploader.upload(channel, header, update, chunkSize, deadline);
  }
}
