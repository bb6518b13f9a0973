package org.oncofed.coordinator.tls;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.List;
import org.oncofed.common.tls.ProjectPki;

/**
 * Re-reads the revocation list on a fixed schedule, in one place, then lets every
 * {@link RevocationListener} act on the list now in force (close streams, record revocations).
 */
@Singleton
class RevocationWatcher {

  private final ProjectPki pki;
  private final List<RevocationListener> listeners;

  RevocationWatcher(ProjectPki pki, List<RevocationListener> listeners) {
    this.pki = pki;
    this.listeners = List.copyOf(listeners);
  }

  @Scheduled(fixedDelay = "${oncofed.tls.revocation-check-interval:15s}", initialDelay = "1s")
  void check() {
    pki.revocations().reloadIfChanged();
    listeners.forEach(listener -> listener.afterRevocationCheck(pki.revocations()));
  }
}
