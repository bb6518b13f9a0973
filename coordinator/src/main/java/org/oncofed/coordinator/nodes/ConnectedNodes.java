package org.oncofed.coordinator.nodes;

import io.grpc.Status;
import jakarta.inject.Singleton;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.oncofed.common.SiteId;
import org.oncofed.common.tls.RevocationList;
import org.oncofed.coordinator.tls.RevocationListener;
import org.oncofed.proto.federation.v1.CoordinatorMessage;
import org.oncofed.proto.federation.v1.Heartbeat;
import org.oncofed.proto.federation.v1.NodeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of live control streams, one per site: who is connected, since when, last heartbeat.
 * It closes streams that fall silent, and streams whose certificate is revoked or expires while
 * they are open (every stream while a stale revocation list refuses all certificates), so that a
 * revocation takes effect without waiting for the node to reconnect.
 */
@Singleton
public class ConnectedNodes implements RevocationListener {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectedNodes.class);

  private final Set<NodeConnection> open = ConcurrentHashMap.newKeySet();
  private final Map<SiteId, NodeConnection> bySite = new ConcurrentHashMap<>();
  private final List<NodeLifecycleListener> listeners;
  private final Clock clock;

  ConnectedNodes(List<NodeLifecycleListener> listeners, Clock clock) {
    this.listeners = List.copyOf(listeners);
    this.clock = clock;
  }

  /** Tracks a stream from the moment it opens, so a stream that never says Hello still times out. */
  public void opened(NodeConnection stream) {
    open.add(stream);
  }

  /**
   * Makes a stream that has said Hello the site's current one, replacing an older connection. Lists
   * the node, then welcomes it, then tells the listeners: a welcomed node is already listed, and no
   * listener's task reaches it before its Welcome.
   */
  public void register(NodeConnection stream, CoordinatorMessage welcome) {
    SiteId site = stream.site();
    NodeConnection previous = bySite.put(site, stream);
    if (previous != null && previous != stream) {
      previous.close(Status.ABORTED.withDescription("replaced by a newer connection from the same site"));
    }
    stream.send(welcome);
    ConnectedNode snapshot = stream.snapshot();
    LOG.info("Node '{}' connected (certificate serial {})", site, snapshot.certificateSerial());
    listeners.forEach(listener -> listener.onConnected(snapshot));
  }

  /** Forgets a stream that ended, telling the listeners if it was its site's current one. */
  public void unregister(NodeConnection stream, String reason) {
    open.remove(stream);
    SiteId site = stream.site();
    if (bySite.remove(site, stream)) {
      LOG.info("Node '{}' disconnected: {}", site, reason);
      ConnectedNode snapshot = stream.snapshot();
      listeners.forEach(listener -> listener.onDisconnected(snapshot, reason));
    }
  }

  /** Passes a node's heartbeat to the listeners. */
  public void heartbeat(SiteId site, Heartbeat heartbeat) {
    listeners.forEach(listener -> listener.onHeartbeat(site, heartbeat));
  }

  /** Passes a node's report on a task (progress, declined, failed) to the listeners. */
  public void taskMessage(SiteId site, NodeMessage message) {
    listeners.forEach(listener -> listener.onTaskMessage(site, message));
  }

  public List<ConnectedNode> snapshot() {
    return bySite.values().stream()
        .map(NodeConnection::snapshot)
        .sorted(Comparator.comparing(ConnectedNode::site))
        .toList();
  }

  public Optional<ConnectedNode> get(SiteId site) {
    return Optional.ofNullable(bySite.get(site)).map(NodeConnection::snapshot);
  }

  public boolean isConnected(SiteId site) {
    return bySite.containsKey(site);
  }

  /** Sends a message on a site's control stream; false if the site is not connected. */
  public boolean send(SiteId site, CoordinatorMessage message) {
    NodeConnection stream = bySite.get(site);
    return stream != null && stream.send(message);
  }

  /** Closes every control stream, telling nodes why (they reconnect with backoff). */
  public void closeAll(Status status) {
    open.forEach(stream -> stream.close(status));
  }

  /** Closes the control streams that sent no heartbeat (or no Hello) for {@code timeout}. */
  public void closeSilent(Duration timeout) {
    var cutoff = clock.instant().minus(timeout);
    for (NodeConnection stream : open) {
      if (stream.lastHeartbeat().isBefore(cutoff)) {
        stream.close(Status.DEADLINE_EXCEEDED.withDescription(
            stream.isHelloReceived() ? "no heartbeat for " + timeout : "no Hello within " + timeout));
      }
    }
  }

  /** Closes streams whose certificate is revoked or has expired since the stream opened. */
  @Override
  public void afterRevocationCheck(RevocationList revocations) {
    Date now = Date.from(clock.instant());
    Optional<String> stale = revocations.staleRefusal(now.toInstant());
    for (NodeConnection stream : open) {
      if (stale.isPresent()) {
        stream.close(Status.UNAUTHENTICATED.withDescription(stale.get()));
        continue;
      }
      var certificate = stream.certificate();
      if (revocations.isRevoked(certificate)) {
        stream.close(Status.UNAUTHENTICATED.withDescription("certificate revoked"));
        continue;
      }
      try {
        certificate.checkValidity(now);
      } catch (CertificateExpiredException | CertificateNotYetValidException e) {
        stream.close(Status.UNAUTHENTICATED.withDescription("certificate no longer valid"));
      }
    }
  }
}
