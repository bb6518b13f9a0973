package org.oncofed.coordinator.web;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oncofed.common.tls.PeerIdentity;
import org.oncofed.common.tls.ProjectPki;
import org.reactivestreams.Publisher;

/**
 * Authenticates REST callers by the client certificate of their TLS connection: the name is the
 * certificate's CN and the single role its OU. Checked against the live revocation list on every
 * request, so a revoked user is refused even on a connection opened before the revocation.
 */
@Singleton
class ClientCertificateAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

  /** Attribute holding the certificate serial, for audit records. */
  static final String SERIAL_ATTRIBUTE = "certificateSerial";
  /** Request attribute saying why a request carries no authentication, for the 401 answer and its audit record. */
  static final String REFUSAL_ATTRIBUTE = "oncofed.unauthenticatedBecause";

  private final ProjectPki pki;

  ClientCertificateAuthenticationFetcher(ProjectPki pki) {
    this.pki = pki;
  }

  @Override
  public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
    if (!(request.getCertificate().orElse(null) instanceof X509Certificate certificate)) {
      return unauthenticated(request, "the connection presented no client certificate");
    }
    if (pki.verifier().isRevoked(certificate)) {
      return unauthenticated(request, "certificate revoked (serial "
          + certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT) + ")");
    }
    try {
      PeerIdentity peer = PeerIdentity.of(certificate);
      return Publishers.just(Authentication.build(
          peer.name(), List.of(peer.role().ou()), Map.of(SERIAL_ATTRIBUTE, peer.serialHex())));
    } catch (CertificateException e) {
      return unauthenticated(request, e.getMessage());
    }
  }

  private static Publisher<Authentication> unauthenticated(HttpRequest<?> request, String reason) {
    request.setAttribute(REFUSAL_ATTRIBUTE, reason);
    return Publishers.empty();
  }
}
