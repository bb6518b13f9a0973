package org.oncofed.coordinator.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.oncofed.common.audit.AuditEventType;
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
    X509Certificate certificate = request.getCertificate().orElse(null) instanceof X509Certificate x509 ? x509 : null;
    audit.refused(Refusal.of(AuditEventType.REQUEST_REFUSED, certificate, experimentId, null, Map.of(
        "method", request.getMethodName(),
        "path", Refusal.callerText(JsonValues.printable(request.getPath())),
        "status", status,
        "reason", reason)));
  }
}
