package org.oncofed.coordinator.federation;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.oncofed.common.SiteId;
import org.oncofed.common.tls.PeerCertificateVerifier;
import org.oncofed.common.tls.PeerIdentity;
import org.oncofed.common.tls.Role;

/**
 * Admits a federation call only from a hospital node: the call must arrive on a TLS session with a
 * verified client certificate that is not revoked and whose role is {@code node}. The site id from
 * that certificate goes into the call's {@link Context}. Fails closed: anything missing refuses,
 * and every refusal is recorded ({@link CallRefusals}).
 */
final class NodeIdentityInterceptor implements ServerInterceptor {

  private final PeerCertificateVerifier verifier;
  private final CallRefusals refusals;

  NodeIdentityInterceptor(PeerCertificateVerifier verifier, CallRefusals refusals) {
    this.verifier = verifier;
    this.refusals = refusals;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    X509Certificate certificate = null;
    NodeIdentity identity;
    try {
      certificate = certificate(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
      identity = identify(certificate);
    } catch (Refusal refusal) {
      refusals.refusedCaller(call.getMethodDescriptor(), certificate, refusal.status);
      call.close(refusal.status, new Metadata());
      return new ServerCall.Listener<>() {};
    }
    Context context = Context.current().withValue(NodeIdentity.CONTEXT_KEY, identity);
    return Contexts.interceptCall(context, call, headers, next);
  }

  private static X509Certificate certificate(SSLSession session) throws Refusal {
    if (session == null) {
      throw new Refusal(Status.UNAUTHENTICATED, "a TLS session with a client certificate is required");
    }
    Certificate[] chain;
    try {
      chain = session.getPeerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      throw new Refusal(Status.UNAUTHENTICATED, "no verified client certificate");
    }
    if (chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
      throw new Refusal(Status.UNAUTHENTICATED, "no X.509 client certificate");
    }
    return certificate;
  }

  private NodeIdentity identify(X509Certificate certificate) throws Refusal {
    if (verifier.isRevoked(certificate)) {
      throw new Refusal(Status.UNAUTHENTICATED, "certificate revoked");
    }
    // A resumed TLS session skips the handshake's checks, so a stale list is checked on every call too.
    Optional<String> stale = verifier.staleRefusal();
    if (stale.isPresent()) {
      throw new Refusal(Status.UNAUTHENTICATED, stale.get());
    }
    PeerIdentity peer;
    try {
      peer = PeerIdentity.of(certificate);
    } catch (CertificateException e) {
      throw new Refusal(Status.UNAUTHENTICATED, e.getMessage());
    }
    if (peer.role() != Role.NODE) {
      throw new Refusal(Status.PERMISSION_DENIED, "the federation service is for hospital nodes; '"
          + peer.name() + "' holds a " + peer.role().ou() + " certificate");
    }
    try {
      return new NodeIdentity(SiteId.of(peer.name()), peer, certificate);
    } catch (IllegalArgumentException e) {
      throw new Refusal(Status.PERMISSION_DENIED, e.getMessage());
    }
  }

  private static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Status status;

    Refusal(Status code, String description) {
      super(description, null, false, false);
      this.status = code.withDescription(description);
    }
  }
}
