package org.oncofed.node.link;

import com.google.protobuf.ByteString;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.oncofed.certs.DevPki;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.common.tls.GrpcTls;
import org.oncofed.common.tls.ProjectPki;
import org.oncofed.common.tls.RefusalListener;
import org.oncofed.proto.federation.v1.CoordinatorMessage;
import org.oncofed.proto.federation.v1.EvaluationReceipt;
import org.oncofed.proto.federation.v1.EvaluationReport;
import org.oncofed.proto.federation.v1.FederationGrpc;
import org.oncofed.proto.federation.v1.FetchModelRequest;
import org.oncofed.proto.federation.v1.Hello;
import org.oncofed.proto.federation.v1.ModelChunk;
import org.oncofed.proto.federation.v1.NodeMessage;
import org.oncofed.proto.federation.v1.Welcome;

/**
 * A stand-in for the coordinator's federation service, over real mutual TLS on loopback with the
 * coordinator certificate of a development PKI, that records what the node sends, serves the
 * models put in {@link #models} and accepts every evaluation.
 */
public final class FakeCoordinator implements AutoCloseable {

  public final BlockingQueue<Hello> hellos = new LinkedBlockingQueue<>();
  public final BlockingQueue<NodeMessage> reports = new LinkedBlockingQueue<>();
  public final BlockingQueue<EvaluationReport> evaluations = new LinkedBlockingQueue<>();
  public final BlockingQueue<FetchModelRequest> fetches = new LinkedBlockingQueue<>();
  public final Map<String, EncodedParameters> models = new ConcurrentHashMap<>();
  final AtomicInteger heartbeats = new AtomicInteger();
  private volatile StreamObserver<CoordinatorMessage> stream;
  private final Server server;

  public FakeCoordinator(DevPki pki, int port) throws IOException {
    ProjectPki keys = ProjectPki.load(pki.coordinator().certificate(), pki.coordinator().privateKey(),
        pki.caCertificate(), pki.crl(), Clock.systemUTC());
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
        .sslContext(GrpcTls.serverContext(keys.identity(), keys.trustManager(RefusalListener.NONE)))
        .addService(new FederationGrpc.FederationImplBase() {
          @Override
          public StreamObserver<NodeMessage> connect(StreamObserver<CoordinatorMessage> out) {
            stream = out;
            return new StreamObserver<>() {
              @Override
              public void onNext(NodeMessage message) {
                if (message.hasHello()) {
                  // Welcome first and under the lock send() takes: a test that sends a task as soon as
                  // it sees the Hello must not write to the stream at the same time.
                  synchronized (FakeCoordinator.this) {
                    out.onNext(CoordinatorMessage.newBuilder()
                        .setWelcome(Welcome.newBuilder().setSiteId(message.getHello().getSiteId())
                            .setHeartbeatIntervalMs(100))
                        .build());
                  }
                  hellos.add(message.getHello());
                } else if (message.hasHeartbeat()) {
                  heartbeats.incrementAndGet();
                } else {
                  reports.add(message);
                }
              }

              @Override
              public void onError(Throwable error) {}

              @Override
              public void onCompleted() {
                out.onCompleted();
              }
            };
          }

          @Override
          public void fetchModel(FetchModelRequest request, StreamObserver<ModelChunk> out) {
            fetches.add(request);
            EncodedParameters model = models.get(request.getSha256());
            if (model == null) {
              out.onError(Status.NOT_FOUND.withDescription("no model " + request.getSha256()).asRuntimeException());
              return;
            }
            out.onNext(ModelChunk.newBuilder().setHeader(model.toModelRef()).build());
            for (ByteString chunk : model.chunks(1 << 16)) {
              out.onNext(ModelChunk.newBuilder().setData(chunk).build());
            }
            out.onCompleted();
          }

          @Override
          public void submitEvaluation(EvaluationReport report, StreamObserver<EvaluationReceipt> out) {
            evaluations.add(report);
            out.onNext(EvaluationReceipt.newBuilder().setAccepted(true).build());
            out.onCompleted();
          }
        })
        .build()
        .start();
  }

  public int port() {
    return server.getPort();
  }

  /** Sends a message on the node's current control stream. */
  public synchronized void send(CoordinatorMessage message) {
    stream.onNext(message);
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
