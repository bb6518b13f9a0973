package org.oncofed.coordinator.federation;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.oncofed.common.SiteId;
import org.oncofed.coordinator.nodes.ConnectedNode;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.coordinator.nodes.NodeConnection;
import org.oncofed.proto.federation.v1.CoordinatorMessage;
import org.oncofed.proto.federation.v1.FederationGrpc;
import org.oncofed.proto.federation.v1.Heartbeat;
import org.oncofed.proto.federation.v1.Hello;
import org.oncofed.proto.federation.v1.NodeMessage;
import org.oncofed.proto.federation.v1.NodeState;
import org.oncofed.proto.federation.v1.Welcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's control stream: expects a Hello naming the node's own site, answers with Welcome,
 * then tracks heartbeats and relays task reports. A stream that breaks the protocol or claims
 * another site is closed and the refusal recorded. Outgoing messages are serialised here because a
 * gRPC stream observer is not thread-safe.
 */
final class ControlStream implements StreamObserver<NodeMessage>, NodeConnection {

  private static final Logger LOG = LoggerFactory.getLogger(ControlStream.class);

  private final NodeIdentity identity;
  private final ServerCallStreamObserver<CoordinatorMessage> out;
  private final ConnectedNodes nodes;
  private final Welcome welcome;
  private final Clock clock;
  private final CallRefusals refusals;
  private final Instant openedAt;
  private final AtomicBoolean closed = new AtomicBoolean();

  private volatile Hello hello;
  private volatile Instant connectedAt;
  private volatile Instant lastHeartbeat;
  private volatile NodeState state = NodeState.NODE_STATE_UNSPECIFIED;
  private volatile String currentTask = "";

  ControlStream(
      NodeIdentity identity,
      ServerCallStreamObserver<CoordinatorMessage> out,
      ConnectedNodes nodes,
      Welcome welcome,
      Clock clock,
      CallRefusals refusals) {
    this.identity = identity;
    this.out = out;
    this.nodes = nodes;
    this.welcome = welcome;
    this.clock = clock;
    this.refusals = refusals;
    this.openedAt = clock.instant();
    out.setOnCancelHandler(() -> ended("stream cancelled by the node"));
  }

  @Override
  public void onNext(NodeMessage message) {
    if (hello == null && message.getBodyCase() != NodeMessage.BodyCase.HELLO) {
      refuse(Status.FAILED_PRECONDITION.withDescription("the first message on the control stream must be a Hello"));
      return;
    }
    switch (message.getBodyCase()) {
      case HELLO -> onHello(message.getHello());
      case HEARTBEAT -> onHeartbeat(message.getHeartbeat());
      case PROGRESS, DECLINED, FAILED, PLAN_DECISION -> nodes.taskMessage(identity.site(), message);
      case BODY_NOT_SET -> refuse(Status.INVALID_ARGUMENT.withDescription("empty control message"));
    }
  }

  private void onHello(Hello received) {
    if (hello != null) {
      refuse(Status.FAILED_PRECONDITION.withDescription("Hello may be sent only once per control stream"));
      return;
    }
    String certified = identity.site().value();
    if (!certified.equals(received.getSiteId())) {
      String reason = "Hello claims site '" + received.getSiteId() + "' but the client certificate is for site '"
          + certified + "'";
      refusals.refusedSiteClaim(identity, received.getSiteId(), reason);
      close(Status.PERMISSION_DENIED.withDescription(reason));
      return;
    }
    hello = received;
    connectedAt = clock.instant();
    lastHeartbeat = connectedAt;
    state = NodeState.NODE_STATE_IDLE;
    nodes.register(this, CoordinatorMessage.newBuilder().setWelcome(welcome.toBuilder().setSiteId(certified)).build());
  }

  private void onHeartbeat(Heartbeat heartbeat) {
    lastHeartbeat = clock.instant();
    state = heartbeat.getState();
    currentTask = heartbeat.getTaskId();
    nodes.heartbeat(identity.site(), heartbeat);
  }

  @Override
  public void onError(Throwable error) {
    ended("stream failed: " + Status.fromThrowable(error).getCode());
  }

  @Override
  public void onCompleted() {
    if (closed.compareAndSet(false, true)) {
      synchronized (out) {
        out.onCompleted();
      }
      nodes.unregister(this, "node closed its control stream");
    }
  }

  @Override
  public boolean send(CoordinatorMessage message) {
    if (closed.get()) {
      return false;
    }
    synchronized (out) {
      try {
        out.onNext(message);
        return true;
      } catch (RuntimeException e) {
        // The call was cancelled between our check and the write.
        LOG.debug("Could not send to {}: {}", identity.site(), e.toString());
        return false;
      }
    }
  }

  @Override
  public void close(Status status) {
    if (closed.compareAndSet(false, true)) {
      synchronized (out) {
        try {
          out.onError(status.asRuntimeException());
        } catch (RuntimeException e) {
          LOG.debug("Stream of {} already gone: {}", identity.site(), e.toString());
        }
      }
      nodes.unregister(this, status.getCode() + ": " + status.getDescription());
    }
  }

  /** Ends a stream whose node broke the protocol, and records why. */
  private void refuse(Status status) {
    refusals.refusedNode(identity, FederationGrpc.getConnectMethod().getFullMethodName(), status.getDescription(),
        status.getCode(), null);
    close(status);
  }

  private void ended(String reason) {
    if (closed.compareAndSet(false, true)) {
      nodes.unregister(this, reason);
    }
  }

  @Override
  public boolean isHelloReceived() {
    return hello != null;
  }

  @Override
  public SiteId site() {
    return identity.site();
  }

  @Override
  public X509Certificate certificate() {
    return identity.certificate();
  }

  @Override
  public Instant lastHeartbeat() {
    return lastHeartbeat == null ? openedAt : lastHeartbeat;
  }

  @Override
  public ConnectedNode snapshot() {
    return new ConnectedNode(identity.site(), identity.peer().serialHex(), hello, connectedAt,
        lastHeartbeat, state, currentTask);
  }
}
