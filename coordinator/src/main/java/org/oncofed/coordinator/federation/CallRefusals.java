package org.oncofed.coordinator.federation;

import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.coordinator.audit.Refusal;
import org.oncofed.coordinator.audit.RefusalAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs and records every federation call the coordinator refuses after the handshake: who (the
 * certificate's CN, role and serial), which call, and why. Never what the call carried. Recording
 * goes through {@link RefusalAudit}'s queue, so interceptors and stream handlers never wait for the
 * database.
 */
@Singleton
final class CallRefusals {

  private static final Logger LOG = LoggerFactory.getLogger(CallRefusals.class);

  private final RefusalAudit audit;

  CallRefusals(RefusalAudit audit) {
    this.audit = audit;
  }

  /**
   * A call refused before any node identity was established: the certificate is missing, revoked,
   * unreadable, or not a node's.
   */
  void refusedCaller(MethodDescriptor<?, ?> method, @Nullable X509Certificate certificate, Status status) {
    Refusal refusal = Refusal.of(AuditEventType.CALL_REFUSED, certificate, null, null,
        details(method.getFullMethodName(), status.getDescription(), status.getCode()));
    LOG.warn("Refused {} from '{}': {}", method.getFullMethodName(), refusal.actor(), status.getDescription());
    audit.refused(refusal);
  }

  /**
   * A call of an identified node refused: a task or model it may not touch, or a broken protocol.
   *
   * @param status the status the call ended with, or null when it was answered with a refusal
   */
  void refusedNode(NodeIdentity node, String method, String reason, @Nullable Status.Code status,
      @Nullable String taskId) {
    Map<String, Object> details = details(method, reason, status);
    if (taskId != null && !taskId.isEmpty()) {
      details.put("taskId", Refusal.callerText(taskId));
    }
    LOG.warn("Refused {} from site '{}': {}", method, node.site(), reason);
    audit.refused(Refusal.of(AuditEventType.CALL_REFUSED, node.certificate(), null, node.site(), details));
  }

  /** A Hello claiming a site other than the certificate's: an attempt to act as another hospital. */
  void refusedSiteClaim(NodeIdentity node, String claimedSite, String reason) {
    LOG.warn("Node with certificate for site '{}' claimed site '{}': refused", node.site(), claimedSite);
    audit.refused(Refusal.of(AuditEventType.SITE_CLAIM_REFUSED, node.certificate(), null, node.site(),
        Map.of("claimedSite", Refusal.callerText(claimedSite), "reason", reason)));
  }

  private static Map<String, Object> details(String method, String reason, @Nullable Status.Code status) {
    Map<String, Object> details = new HashMap<>();
    details.put("method", method);
    details.put("reason", reason);
    if (status != null) {
      details.put("status", status.name());
    }
    return details;
  }
}
