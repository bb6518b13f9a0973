package org.oncofed.coordinator.tls;

import jakarta.inject.Singleton;
import org.oncofed.common.tls.RefusalListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records certificates refused during TLS handshakes on the federation and REST endpoints. */
@Singleton
public class RefusedConnectionLog implements RefusalListener {

  private static final Logger LOG = LoggerFactory.getLogger(RefusedConnectionLog.class);

  @Override
  public void refused(String subject, String reason) {
    LOG.warn("Refused TLS client '{}': {}", subject, reason);
  }
}
