package org.oncofed.coordinator.tls;

import jakarta.inject.Singleton;
import org.oncofed.common.tls.RefusalListener;
import org.oncofed.coordinator.audit.Refusal;
import org.oncofed.coordinator.audit.RefusalAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records certificates refused during TLS handshakes on the federation and REST endpoints: in the log and the audit trail. */
@Singleton
public class RefusedConnectionLog implements RefusalListener {

  private static final Logger LOG = LoggerFactory.getLogger(RefusedConnectionLog.class);

  private final RefusalAudit audit;

  RefusedConnectionLog(RefusalAudit audit) {
    this.audit = audit;
  }

  @Override
  public void refused(String subject, String reason) {
    LOG.warn("Refused TLS client '{}': {}", subject, reason);
    audit.refused(Refusal.connection(subject, reason));
  }
}
