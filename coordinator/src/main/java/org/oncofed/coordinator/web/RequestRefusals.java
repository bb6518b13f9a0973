package org.oncofed.coordinator.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import org.oncofed.common.audit.AuditEvent;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.tls.PeerIdentity;
import org.oncofed.coordinator.audit.Refusal;
import org.oncofed.coordinator.audit.RefusalAudit;

/**
 * Records REST requests answered 401 or 403 as {@code REQUEST_REFUSED}: who (the certificate the
 * connection presented), what (method and path, never the query, headers or body) and why.
 */
@Singleton
class RequestRefusals {

  private final RefusalAudit audit;

  RequestRefusals(RefusalAudit audit) {
    this.audit = audit;
  }

  /** Queues the refusal for the trail; never blocks, so it may run on the event loop. */
  void refused(HttpRequest<?> request, int status, String reason, @Nullable String experimentId) {
    Map<String, Object> details = new HashMap<>();
    details.put("method", request.getMethodName());
    details.put("path", Refusal.callerText(JsonValues.printable(request.getPath())));
    details.put("status", status);
    details.put("reason", reason);
    String actor = AuditEvent.SYSTEM;
    if (request.getCertificate().orElse(null) instanceof X509Certificate certificate) {
      details.put("subject", Refusal.callerText(certificate.getSubjectX500Principal().getName()));
      details.put("certificateSerial", certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT));
      try {
        PeerIdentity peer = PeerIdentity.of(certificate);
        actor = peer.name();
        details.put("role", peer.role().ou());
      } catch (CertificateException unreadable) {
        // The subject names no known role; the coordinator stays the actor and the subject says who.
      }
    }
    audit.refused(new Refusal(AuditEventType.REQUEST_REFUSED, actor, experimentId, null, details));
  }
}
