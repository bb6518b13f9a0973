package org.oncofed.coordinator.tls;

import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.oncofed.common.audit.AuditEvent;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.audit.AuditJson;
import org.oncofed.common.tls.RevocationList;
import org.oncofed.coordinator.audit.AuditQuery;
import org.oncofed.coordinator.audit.AuditRepository;
import org.oncofed.coordinator.audit.AuditTrail;
import org.oncofed.coordinator.audit.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each certificate the revocation list newly revokes, once: when the list is reloaded
 * while the coordinator runs, and at startup for revocations made while it was down. The serials
 * already recorded are read back from the trail itself. Also records lists that were refused or
 * went stale.
 */
@Singleton
class RevocationAudit implements RevocationListener {

  private static final Logger LOG = LoggerFactory.getLogger(RevocationAudit.class);

  private final AuditTrail trail;
  private final AuditRepository repository;
  private Set<String> recorded;

  RevocationAudit(AuditTrail trail, AuditRepository repository) {
    this.trail = trail;
    this.repository = repository;
  }

  @Override
  public synchronized void afterRevocationCheck(RevocationList revocations) {
    try {
      if (recorded == null) {
        recorded = alreadyRecorded();
      }
      for (RevocationList.Revoked revoked : revocations.revoked()) {
        String serial = revoked.serial().toString(16).toUpperCase(Locale.ROOT);
        if (recorded.contains(serial)) {
          continue;
        }
        trail.record(AuditEventType.CERTIFICATE_REVOKED, AuditEvent.SYSTEM, null, null, null, Map.of(
            "serial", serial, "revokedAt", AuditJson.time(revoked.revokedAt()), "reason", revoked.reason()));
        recorded.add(serial);
      }
    } catch (RuntimeException e) {
      LOG.error("Could not record revocations in the audit trail: {}", e.getMessage(), e);
    }
  }

  void listRefused(RevocationList.Refused refused, RevocationList inForce) {
    record(AuditEventType.REVOCATION_LIST_REFUSED, Map.of(
        "reason", refused.reason(), "crlNumberInForce", inForce.number().toString()));
  }

  void listStale(RevocationList inForce) {
    record(AuditEventType.REVOCATION_LIST_STALE, Map.of("crlNumber", inForce.number().toString(),
        "nextUpdate", AuditJson.time(inForce.nextUpdate()), "policy", inForce.whenStale().text()));
  }

  private void record(AuditEventType type, Map<String, Object> details) {
    try {
      trail.record(type, AuditEvent.SYSTEM, null, null, null, details);
    } catch (RuntimeException e) {
      LOG.error("Could not record {} in the audit trail: {}", type, e.getMessage(), e);
    }
  }

  private Set<String> alreadyRecorded() {
    Set<String> serials = new HashSet<>();
    long after = 0;
    while (true) {
      var page = repository.search(new AuditQuery(null, null, null, EnumSet.of(AuditEventType.CERTIFICATE_REVOKED),
          null, null, after, 0, AuditQuery.MAX_LIMIT));
      for (StoredEvent row : page) {
        // Read without validating the whole row: a damaged row is for verification to report.
        if (row.rawMap().get("details") instanceof Map<?, ?> details) {
          serials.add(String.valueOf(details.get("serial")));
        }
        after = row.seq();
      }
      if (page.size() < AuditQuery.MAX_LIMIT) {
        return serials;
      }
    }
  }
}
