package org.oncofed.bench.federation;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.common.tls.GrpcTls;
import org.oncofed.common.tls.ProjectPki;
import org.oncofed.common.tls.RefusalListener;
import org.oncofed.proto.federation.v1.CoordinatorMessage;
import org.oncofed.proto.federation.v1.DatasetSummary;
import org.oncofed.proto.federation.v1.FederationGrpc;
import org.oncofed.proto.federation.v1.Heartbeat;
import org.oncofed.proto.federation.v1.Hello;
import org.oncofed.proto.federation.v1.NodeMessage;
import org.oncofed.proto.federation.v1.NodeState;
import org.oncofed.proto.federation.v1.SplitCounts;

/**
 * One site as the transfer benchmark plays it: channels to the federation service and to the bare
 * service, both built as the node builds its channel (its certificate, the project trust manager),
 * and a control stream that says Hello with a registered dataset and keeps up heartbeats, so that
 * the coordinator accepts the site's uploads.
 */
final class SiteClient implements AutoCloseable {

  /** Training slices per class the site claims; uploads may not count more samples than their sum. */
  static final long SLICES_PER_CLASS = 1000;

  private final String site;
  private final ManagedChannel federation;
  private final ManagedChannel bare;
  private final StreamObserver<NodeMessage> control;
  private final ScheduledExecutorService heartbeats;
  private final int chunkSize;

  private SiteClient(String site, ManagedChannel federation, ManagedChannel bare, StreamObserver<NodeMessage> control,
      ScheduledExecutorService heartbeats, int chunkSize) {
    this.site = site;
    this.federation = federation;
    this.bare = bare;
    this.control = control;
    this.heartbeats = heartbeats;
    this.chunkSize = chunkSize;
  }

  /** Connects and waits for the coordinator's Welcome. */
  static SiteClient connect(DevPki pki, Credential credential, CoordinatorProcess coordinator) throws Exception {
    ProjectPki credentials = ProjectPki.load(credential.certificate(), credential.privateKey(), pki.caCertificate(),
        pki.crl(), Clock.systemUTC());
    ManagedChannel federation = channel(credentials, coordinator.federationPort());
    ManagedChannel bare = channel(credentials, coordinator.barePort());
    CompletableFuture<Integer> welcome = new CompletableFuture<>();
    StreamObserver<NodeMessage> control = FederationGrpc.newStub(federation).connect(new StreamObserver<>() {
      @Override
      public void onNext(CoordinatorMessage message) {
        if (message.hasWelcome()) {
          welcome.complete(message.getWelcome().getChunkSizeBytes());
        }
      }

      @Override
      public void onError(Throwable error) {
        welcome.completeExceptionally(error);
      }

      @Override
      public void onCompleted() {
        welcome.completeExceptionally(new IllegalStateException("control stream closed"));
      }
    });
    SplitCounts counts = SplitCounts.newBuilder()
        .addAllPerClass(List.of(SLICES_PER_CLASS, SLICES_PER_CLASS, SLICES_PER_CLASS)).setPatients(100).build();
    control.onNext(NodeMessage.newBuilder().setHello(Hello.newBuilder()
        .setSiteId(credential.name())
        .setSoftwareVersion("bench")
        .setBackend("cpu")
        .setDevice("bench")
        .setDataset(DatasetSummary.newBuilder().setFingerprint("0".repeat(64)).setTrain(counts)
            .setValidation(counts).setTest(counts))
        .addCatalogue("small-cnn")).build());
    int chunkSize = welcome.get(1, TimeUnit.MINUTES);
    ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "heartbeat-" + credential.name());
      thread.setDaemon(true);
      return thread;
    });
    heartbeats.scheduleAtFixedRate(() -> {
      synchronized (control) {
        control.onNext(NodeMessage.newBuilder().setHeartbeat(Heartbeat.newBuilder()
            .setState(NodeState.NODE_STATE_IDLE).setSentAtMs(System.currentTimeMillis())).build());
      }
    }, 2, 2, TimeUnit.SECONDS);
    return new SiteClient(credential.name(), federation, bare, control, heartbeats, chunkSize);
  }

  private static ManagedChannel channel(ProjectPki credentials, int port) {
    return NettyChannelBuilder.forAddress("localhost", port)
        .sslContext(GrpcTls.clientContext(credentials.identity(), credentials.trustManager(RefusalListener.NONE)))
        .build();
  }

  String site() {
    return site;
  }

  ManagedChannel federation() {
    return federation;
  }

  ManagedChannel bare() {
    return bare;
  }

  /** The upload chunk size the coordinator asked for in its Welcome. */
  int chunkSize() {
    return chunkSize;
  }

  @Override
  public void close() throws InterruptedException {
    heartbeats.shutdownNow();
    synchronized (control) {
      control.onCompleted();
    }
    federation.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    bare.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
  }
}
