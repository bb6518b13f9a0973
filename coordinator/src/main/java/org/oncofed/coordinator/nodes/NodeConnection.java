package org.oncofed.coordinator.nodes;

import io.grpc.Status;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.oncofed.common.SiteId;
import org.oncofed.proto.federation.v1.CoordinatorMessage;

/**
 * One node's open control stream, as the registry sees it; the federation service implements it.
 * The site and certificate come from the verified client certificate, never from the node.
 */
public interface NodeConnection {

  SiteId site();

  /** The certificate the node connected with: checked again after each revocation-list reload. */
  X509Certificate certificate();

  /** Sends a message to the node; false if the stream is already closed. */
  boolean send(CoordinatorMessage message);

  /** Closes the stream with a status the node sees, and has the registry forget it. */
  void close(Status status);

  /** Whether the node has said Hello on this stream. */
  boolean isHelloReceived();

  /** The last heartbeat, or when the stream opened if none has arrived yet. */
  Instant lastHeartbeat();

  ConnectedNode snapshot();
}
