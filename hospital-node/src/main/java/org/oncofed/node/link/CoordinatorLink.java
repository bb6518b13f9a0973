package org.oncofed.node.link;

import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.oncofed.common.cli.Failures;
import org.oncofed.common.tls.GrpcTls;
import org.oncofed.common.tls.PeerIdentity;
import org.oncofed.common.tls.ProjectPki;
import org.oncofed.common.tls.RefusalListener;
import org.oncofed.common.tls.RevocationList;
import org.oncofed.node.tls.CoordinatorRevocationListener;
import org.oncofed.proto.federation.v1.CoordinatorMessage;
import org.oncofed.proto.federation.v1.FederationGrpc;
import org.oncofed.proto.federation.v1.Heartbeat;
import org.oncofed.proto.federation.v1.Hello;
import org.oncofed.proto.federation.v1.NodeMessage;
import org.oncofed.proto.federation.v1.Welcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's outbound connection to the coordinator: dials out over mutual TLS, opens the control
 * stream with a Hello, sends heartbeats at the interval the coordinator announces, hands incoming
 * tasks to the {@link CoordinatorMessageHandler}s, and reconnects with jittered exponential backoff
 * whenever the stream ends.
 */
@Context
public class CoordinatorLink implements CoordinatorRevocationListener {

  private static final Logger LOG = LoggerFactory.getLogger(CoordinatorLink.class);

  private final LinkConfiguration configuration;
  private final String siteId;
  private final HelloFactory helloFactory;
  private final Supplier<List<CoordinatorMessageHandler>> handlers;
  private final NodeActivity activity;
  private final Clock clock;
  private final SslContext tls;
  private final ManagedChannel channel;
  private final ReconnectBackoff backoff;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "coordinator-link");
        thread.setDaemon(true);
        return thread;
      });

  private volatile Session session;
  private volatile String state = "CONNECTING";
  private volatile Instant connectedSince;
  private volatile Instant nextAttemptAt;
  private volatile int attempts;
  private volatile String lastError;
  private volatile boolean stopped;
  private volatile int chunkSize = 1 << 20;

  @Inject
  CoordinatorLink(
      LinkConfiguration configuration,
      ProjectPki pki,
      HelloFactory helloFactory,
      BeanProvider<CoordinatorMessageHandler> handlers,
      NodeActivity activity,
      Clock clock) {
    // Handlers are looked up when the first message arrives: they themselves need this link.
    this(configuration, pki, helloFactory, () -> handlers.stream().toList(), activity, clock);
  }

  CoordinatorLink(
      LinkConfiguration configuration,
      ProjectPki pki,
      HelloFactory helloFactory,
      Supplier<List<CoordinatorMessageHandler>> handlers,
      NodeActivity activity,
      Clock clock) {
    this.configuration = configuration;
    this.siteId = siteId(configuration, pki);
    this.helloFactory = helloFactory;
    this.handlers = handlers;
    this.activity = activity;
    this.clock = clock;
    this.backoff = new ReconnectBackoff(configuration.initialBackoff(), configuration.maxBackoff(), new SecureRandom());
    this.tls = GrpcTls.clientContext(pki.identity(), pki.trustManager(RefusalListener.NONE));
    this.channel = NettyChannelBuilder.forAddress(configuration.host(), configuration.port())
        .sslContext(tls)
        .keepAliveTime(configuration.keepaliveTime().toMillis(), TimeUnit.MILLISECONDS)
        .keepAliveWithoutCalls(true)
        .build();
    scheduler.execute(this::connect);
  }

  /** The site claimed in Hello: the configured one, which must equal the certificate's CN. */
  private static String siteId(LinkConfiguration configuration, ProjectPki pki) {
    String certified;
    try {
      certified = PeerIdentity.of(pki.identity().certificate()).name();
    } catch (java.security.cert.CertificateException e) {
      throw new IllegalArgumentException("the node certificate has no usable subject: " + e.getMessage(), e);
    }
    String configured = configuration.siteId();
    if (configured != null && !configured.equals(certified)) {
      throw new IllegalArgumentException("oncofed.node.link.site-id is '" + configured
          + "' but the node certificate is for site '" + certified + "'");
    }
    return certified;
  }

  public String siteId() {
    return siteId;
  }

  /** Payload bytes per model or update chunk, as the coordinator asked in its Welcome. */
  public int chunkSize() {
    return chunkSize;
  }

  /** The mutually authenticated channel to the coordinator, for model and result transfers. */
  public io.grpc.Channel channel() {
    return channel;
  }

  /**
   * The name in the certificate the coordinator presented on the current control stream, as the
   * trust manager verified it; empty before the stream has answered.
   */
  public Optional<String> coordinatorName() {
    Session current = session;
    X509Certificate certificate = current == null ? null : current.coordinatorCertificate.certificate();
    if (certificate == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(PeerIdentity.of(certificate).name());
    } catch (java.security.cert.CertificateException e) {
      return Optional.empty();
    }
  }

  public boolean isConnected() {
    return "CONNECTED".equals(state);
  }

  /** Sends a message on the control stream; false when not connected. */
  public boolean send(NodeMessage message) {
    Session current = session;
    return current != null && isConnected() && current.send(message);
  }

  public LinkStatus status() {
    return new LinkStatus(configuration.coordinator(), siteId, state, connectedSince, nextAttemptAt, attempts, lastError);
  }

  private void connect() {
    if (stopped) {
      return;
    }
    attempts++;
    state = "CONNECTING";
    nextAttemptAt = null;
    Session next = new Session();
    session = next;
    next.open(helloFactory.hello(siteId, isIdle()));
  }

  private void welcomed(Session from, Welcome welcome) {
    if (from != session) {
      return;
    }
    if (welcome.getChunkSizeBytes() > 0) {
      chunkSize = welcome.getChunkSizeBytes();
    }
    Duration heartbeatInterval = Duration.ofMillis(welcome.getHeartbeatIntervalMs());
    backoff.reset();
    attempts = 0;
    lastError = null;
    connectedSince = clock.instant();
    state = "CONNECTED";
    LOG.info("Connected to the coordinator at {} as site '{}'", configuration.coordinator(), siteId);
    from.heartbeats = scheduler.scheduleAtFixedRate(() -> {
      from.send(heartbeat());
      try {
        announceNewDataset(from);
      } catch (RuntimeException e) {
        // A failure escaping a periodic task would silently end the heartbeats with it.
        LOG.warn("Could not announce the newly registered dataset: {}", Failures.rootMessage(e));
      }
    }, 0, Math.max(100, heartbeatInterval.toMillis()), TimeUnit.MILLISECONDS);
  }

  /**
   * A dataset registered while the node runs takes effect between tasks: once idle, the node says
   * Hello again on a new stream (the coordinator replaces the older connection with it).
   */
  private void announceNewDataset(Session from) {
    if (from == session && isConnected() && isIdle() && helloFactory.datasetChanged()) {
      LOG.info("A dataset was registered; announcing it to the coordinator");
      connect();
      from.close();
    }
  }

  private boolean isIdle() {
    return activity.current().taskId().isEmpty();
  }

  private NodeMessage heartbeat() {
    NodeActivity.Snapshot now = activity.current();
    return NodeMessage.newBuilder()
        .setHeartbeat(Heartbeat.newBuilder()
            .setState(now.state())
            .setTaskId(now.taskId())
            .setSentAtMs(clock.millis()))
        .build();
  }

  private void ended(Session from, Status status) {
    if (from.heartbeats != null) {
      from.heartbeats.cancel(false);
    }
    if (from != session || stopped) {
      return;
    }
    boolean wasConnected = isConnected();
    connectedSince = null;
    lastError = describe(status);
    Duration delay = backoff.nextDelay();
    nextAttemptAt = clock.instant().plus(delay);
    state = "WAITING";
    if (wasConnected) {
      LOG.warn("Lost the coordinator ({}); reconnecting in {} ms", lastError, delay.toMillis());
    } else {
      LOG.warn("Cannot reach the coordinator at {} ({}); retrying in {} ms",
          configuration.coordinator(), lastError, delay.toMillis());
    }
    handlers.get().forEach(CoordinatorMessageHandler::onDisconnected);
    scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Ends the control stream when the revocation list now revokes the certificate the coordinator
   * presented for it, or is stale and says to fail closed; the reconnection makes a new handshake,
   * which the same list refuses.
   */
  @Override
  public void afterRevocationCheck(RevocationList revocations) {
    Session current = session;
    X509Certificate coordinator = current == null ? null : current.coordinatorCertificate.certificate();
    if (coordinator == null) {
      return;
    }
    String reason = revocations.isRevoked(coordinator)
        ? "the coordinator's certificate is revoked (serial " + coordinator.getSerialNumber().toString(16) + ")"
        : revocations.staleRefusal(clock.instant()).orElse(null);
    if (reason == null) {
      return;
    }
    LOG.error("Leaving the coordinator at {}: {}", configuration.coordinator(), reason);
    // A resumed TLS session skips the certificate check: forget the sessions, so that the next
    // connection makes a full handshake, which the trust manager refuses.
    SSLSessionContext sessions = tls.sessionContext();
    Collections.list(sessions.getIds()).forEach(id -> {
      SSLSession cached = sessions.getSession(id);
      if (cached != null) {
        cached.invalidate();
      }
    });
    channel.enterIdle();
    current.cancel(reason);
  }

  /** The status in one line, with the underlying cause where gRPC only says "io exception". */
  static String describe(Status status) {
    StringBuilder text = new StringBuilder(status.getCode().name());
    if (status.getDescription() != null) {
      text.append(": ").append(status.getDescription().lines().findFirst().orElse(""));
    }
    if (status.getCause() != null) {
      text.append(" (").append(Failures.rootMessage(status.getCause()).lines().findFirst().orElse("")).append(')');
    }
    return text.toString();
  }

  @PreDestroy
  void stop() throws InterruptedException {
    stopped = true;
    state = "STOPPED";
    Session current = session;
    if (current != null) {
      current.close();
    }
    scheduler.shutdownNow();
    channel.shutdown();
    if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
      channel.shutdownNow();
    }
  }

  /** One control stream: from Hello until the stream ends. */
  private final class Session implements StreamObserver<CoordinatorMessage> {

    private final CoordinatorCertificateCapture coordinatorCertificate = new CoordinatorCertificateCapture();
    private StreamObserver<NodeMessage> out;
    private volatile ScheduledFuture<?> heartbeats;

    void open(Hello hello) {
      synchronized (this) {
        out = FederationGrpc.newStub(ClientInterceptors.intercept(channel, coordinatorCertificate)).connect(this);
        out.onNext(NodeMessage.newBuilder().setHello(hello).build());
      }
    }

    synchronized boolean send(NodeMessage message) {
      try {
        out.onNext(message);
        return true;
      } catch (RuntimeException e) {
        LOG.debug("Control stream already closed: {}", e.toString());
        return false;
      }
    }

    synchronized void cancel(String reason) {
      ((ClientCallStreamObserver<NodeMessage>) out).cancel(reason, null);
    }

    synchronized void close() {
      try {
        out.onCompleted();
      } catch (RuntimeException e) {
        LOG.debug("Control stream already closed: {}", e.toString());
      }
    }

    @Override
    public void onNext(CoordinatorMessage message) {
      if (message.hasWelcome()) {
        welcomed(this, message.getWelcome());
      } else {
        handlers.get().forEach(handler -> handler.handle(message));
      }
    }

    @Override
    public void onError(Throwable error) {
      ended(this, Status.fromThrowable(error));
    }

    @Override
    public void onCompleted() {
      ended(this, Status.UNAVAILABLE.withDescription("control stream closed by the coordinator"));
    }
  }
}
