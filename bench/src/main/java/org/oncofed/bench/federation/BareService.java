package org.oncofed.bench.federation;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.oncofed.proto.federation.v1.ModelChunk;
import org.oncofed.proto.federation.v1.ModelRef;
import org.oncofed.proto.federation.v1.SubmitUpdateResponse;
import org.oncofed.proto.federation.v1.UpdateChunk;

/**
 * The baselines of the federation benchmarks: a gRPC service with nothing of OncoFed's logic,
 * served over the same mutual TLS as the federation service. {@code Fetch} streams the requested
 * number of bytes in chunks from memory, {@code Submit} takes chunks and answers with their count,
 * both writing only while the stream is ready, as the real transfers do; {@code Echo} answers a
 * unary call at once. The messages are the federation protocol's own, so framing costs the same.
 */
public final class BareService {

  static final String NAME = "oncofed.bench.BareService";

  static final MethodDescriptor<ModelRef, ModelChunk> FETCH = MethodDescriptor.<ModelRef, ModelChunk>newBuilder()
      .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
      .setFullMethodName(MethodDescriptor.generateFullMethodName(NAME, "Fetch"))
      .setRequestMarshaller(ProtoUtils.marshaller(ModelRef.getDefaultInstance()))
      .setResponseMarshaller(ProtoUtils.marshaller(ModelChunk.getDefaultInstance()))
      .build();

  static final MethodDescriptor<UpdateChunk, SubmitUpdateResponse> SUBMIT =
      MethodDescriptor.<UpdateChunk, SubmitUpdateResponse>newBuilder()
          .setType(MethodDescriptor.MethodType.CLIENT_STREAMING)
          .setFullMethodName(MethodDescriptor.generateFullMethodName(NAME, "Submit"))
          .setRequestMarshaller(ProtoUtils.marshaller(UpdateChunk.getDefaultInstance()))
          .setResponseMarshaller(ProtoUtils.marshaller(SubmitUpdateResponse.getDefaultInstance()))
          .build();

  static final MethodDescriptor<ModelRef, ModelRef> ECHO = MethodDescriptor.<ModelRef, ModelRef>newBuilder()
      .setType(MethodDescriptor.MethodType.UNARY)
      .setFullMethodName(MethodDescriptor.generateFullMethodName(NAME, "Echo"))
      .setRequestMarshaller(ProtoUtils.marshaller(ModelRef.getDefaultInstance()))
      .setResponseMarshaller(ProtoUtils.marshaller(ModelRef.getDefaultInstance()))
      .build();

  private BareService() {}

  /** The server side; chunks are views of one buffer of {@code chunkSize} bytes. */
  static ServerServiceDefinition definition(int chunkSize) {
    ByteString chunk = UnsafeByteOperations.unsafeWrap(new byte[chunkSize]);
    return ServerServiceDefinition.builder(NAME)
        .addMethod(FETCH, ServerCalls.asyncServerStreamingCall((request, out) -> stream(request.getSizeBytes(), chunk,
            (ServerCallStreamObserver<ModelChunk>) out)))
        .addMethod(SUBMIT, ServerCalls.asyncClientStreamingCall(BareService::receive))
        .addMethod(ECHO, ServerCalls.asyncUnaryCall((request, out) -> {
          out.onNext(request);
          out.onCompleted();
        }))
        .build();
  }

  private static void stream(long size, ByteString chunk, ServerCallStreamObserver<ModelChunk> out) {
    long[] sent = {0};
    Runnable writer = () -> {
      synchronized (sent) {
        while (sent[0] < size && out.isReady()) {
          int length = (int) Math.min(chunk.size(), size - sent[0]);
          out.onNext(ModelChunk.newBuilder().setData(chunk.substring(0, length)).build());
          sent[0] += length;
          if (sent[0] == size) {
            out.onCompleted();
          }
        }
      }
    };
    out.setOnReadyHandler(writer);
    writer.run();
  }

  private static StreamObserver<UpdateChunk> receive(StreamObserver<SubmitUpdateResponse> out) {
    return new StreamObserver<>() {
      private long received;

      @Override
      public void onNext(UpdateChunk chunk) {
        received += chunk.getData().size();
      }

      @Override
      public void onError(Throwable error) {
        // the client went away; nothing to answer
      }

      @Override
      public void onCompleted() {
        out.onNext(SubmitUpdateResponse.newBuilder().setAccepted(true).setReason(Long.toString(received)).build());
        out.onCompleted();
      }
    };
  }

  /** Receives {@code size} bytes; returns how many arrived. */
  static long fetch(Channel channel, long size) {
    Iterator<ModelChunk> chunks = ClientCalls.blockingServerStreamingCall(channel, FETCH,
        CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.MINUTES), ModelRef.newBuilder().setSizeBytes(size).build());
    long received = 0;
    while (chunks.hasNext()) {
      received += chunks.next().getData().size();
    }
    return received;
  }

  /** Sends {@code data} in chunks of {@code chunkSize}, writing while the stream is ready; returns the bytes the server counted. */
  static long submit(Channel channel, byte[] data, int chunkSize) throws Exception {
    CompletableFuture<SubmitUpdateResponse> answer = new CompletableFuture<>();
    ClientCalls.asyncClientStreamingCall(
        channel.newCall(SUBMIT, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.MINUTES)),
        new ClientResponseObserver<UpdateChunk, SubmitUpdateResponse>() {
          private int offset;
          private boolean done;

          @Override
          public void beforeStart(ClientCallStreamObserver<UpdateChunk> requests) {
            requests.setOnReadyHandler(() -> {
              synchronized (this) {
                while (!done && requests.isReady()) {
                  if (offset < data.length) {
                    int length = Math.min(chunkSize, data.length - offset);
                    requests.onNext(UpdateChunk.newBuilder()
                        .setData(UnsafeByteOperations.unsafeWrap(data, offset, length)).build());
                    offset += length;
                  } else {
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
            answer.completeExceptionally(new IllegalStateException("submit closed without an answer"));
          }
        });
    return Long.parseLong(answer.get(10, TimeUnit.MINUTES).getReason());
  }

  /** One unary round trip. */
  static void echo(Channel channel) {
    ClientCalls.blockingUnaryCall(channel, ECHO, CallOptions.DEFAULT.withDeadlineAfter(1, TimeUnit.MINUTES),
        ModelRef.getDefaultInstance());
  }
}
