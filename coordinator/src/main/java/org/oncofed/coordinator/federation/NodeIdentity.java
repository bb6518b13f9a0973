package org.oncofed.coordinator.federation;

import io.grpc.Context;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.oncofed.common.SiteId;
import org.oncofed.common.tls.PeerIdentity;

/**
 * The authenticated hospital node behind a federation call, taken from its verified client
 * certificate by {@link NodeIdentityInterceptor}. Handlers read it from the gRPC {@link Context};
 * nothing a node sends can change it.
 */
record NodeIdentity(SiteId site, PeerIdentity peer, X509Certificate certificate) {

  static final Context.Key<NodeIdentity> CONTEXT_KEY = Context.key("oncofed-node-identity");

  public NodeIdentity {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(certificate, "certificate");
  }

  /** The identity of the node making the current call; set for every call on the federation service. */
  static NodeIdentity current() {
    NodeIdentity identity = CONTEXT_KEY.get();
    if (identity == null) {
      throw new IllegalStateException("no node identity in the call context: is the interceptor installed?");
    }
    return identity;
  }
}
