package org.oncofed.coordinator.federation;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.oncofed.proto.federation.v1.ModelChunk;
import org.oncofed.proto.federation.v1.ModelRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one stored model to a node: the header, then the file in chunks, writing only while the
 * call is ready so that a slow link never buffers a whole model in memory.
 */
final class ModelDownload implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDownload.class);

  private final ServerCallStreamObserver<ModelChunk> out;
  private final FileChannel file;
  private final int chunkSize;
  private boolean headerSent;
  private boolean done;
  private final ModelRef header;

  private ModelDownload(ServerCallStreamObserver<ModelChunk> out, FileChannel file, ModelRef header, int chunkSize) {
    this.out = out;
    this.file = file;
    this.header = header;
    this.chunkSize = chunkSize;
  }

  /** Starts streaming; the transfer then proceeds from gRPC's readiness callbacks. */
  static void start(ServerCallStreamObserver<ModelChunk> out, FileChannel file, ModelRef header, int chunkSize) {
    ModelDownload download = new ModelDownload(out, file, header, chunkSize);
    out.setOnCancelHandler(download::cancelled);
    out.setOnReadyHandler(download);
    download.run();
  }

  @Override
  public synchronized void run() {
    try {
      while (!done && out.isReady()) {
        if (!headerSent) {
          out.onNext(ModelChunk.newBuilder().setHeader(header).build());
          headerSent = true;
          continue;
        }
        ByteBuffer buffer = ByteBuffer.allocate(chunkSize);
        while (buffer.hasRemaining() && file.read(buffer) >= 0) {
          // fill the chunk
        }
        buffer.flip();
        if (buffer.hasRemaining()) {
          out.onNext(ModelChunk.newBuilder().setData(ByteString.copyFrom(buffer)).build());
        }
        if (file.position() >= file.size()) {
          done = true;
          out.onCompleted();
          close();
        }
      }
    } catch (IOException e) {
      LOG.warn("Model download failed: {}", e.toString());
      done = true;
      out.onError(Status.INTERNAL.withDescription("cannot read the model file").asRuntimeException());
      close();
    }
  }

  private synchronized void cancelled() {
    done = true;
    close();
  }

  private void close() {
    try {
      file.close();
    } catch (IOException e) {
      LOG.debug("Closing model file: {}", e.toString());
    }
  }
}
