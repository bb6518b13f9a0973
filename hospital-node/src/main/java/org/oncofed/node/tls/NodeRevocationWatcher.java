package org.oncofed.node.tls;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.List;
import org.oncofed.common.tls.ProjectPki;
import org.oncofed.common.tls.RevocationList;

/**
 * Re-reads the node's revocation list on a fixed schedule (the list logs what it loads or refuses),
 * then lets every {@link CoordinatorRevocationListener} act on the list now in force.
 */
@Singleton
public class NodeRevocationWatcher {

  private final ProjectPki pki;
  private final List<CoordinatorRevocationListener> listeners;

  public NodeRevocationWatcher(ProjectPki pki, List<CoordinatorRevocationListener> listeners) {
    this.pki = pki;
    this.listeners = List.copyOf(listeners);
  }

  @Scheduled(fixedDelay = "${oncofed.tls.revocation-check-interval:15s}", initialDelay = "1s")
  public synchronized void check() {
    RevocationList revocations = pki.revocations();
    revocations.reloadIfChanged();
    listeners.forEach(listener -> listener.afterRevocationCheck(revocations));
  }
}
