package org.oncofed.coordinator.tls;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import org.oncofed.common.tls.ProjectPki;
import org.oncofed.common.tls.RevocationList;
import org.oncofed.common.tls.StaleListPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the revocation list on a fixed schedule, in one place: records a refused list and a list
 * that went stale, then lets every {@link RevocationListener} act on the list now in force (close
 * streams, record revocations, report health).
 */
@Singleton
class RevocationWatcher {

  private static final Logger LOG = LoggerFactory.getLogger(RevocationWatcher.class);

  private final ProjectPki pki;
  private final RevocationAudit audit;
  private final RefusedLists refusedLists;
  private final List<RevocationListener> listeners;
  private final Clock clock;
  private BigInteger reportedStale;

  RevocationWatcher(
      ProjectPki pki, RevocationAudit audit, RefusedLists refusedLists, List<RevocationListener> listeners, Clock clock) {
    this.pki = pki;
    this.audit = audit;
    this.refusedLists = refusedLists;
    this.listeners = List.copyOf(listeners);
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "${oncofed.tls.revocation-check-interval:15s}", initialDelay = "1s")
  synchronized void check() {
    RevocationList revocations = pki.revocations();
    if (revocations.reloadIfChanged() instanceof RevocationList.Refused refused) {
      refusedLists.refused(refused.reason(), clock.instant());
      audit.listRefused(refused, revocations);
    }
    reportIfNewlyStale(revocations);
    listeners.forEach(listener -> listener.afterRevocationCheck(revocations));
  }

  /** Once per list: a list stays stale until a newer one is loaded. */
  private void reportIfNewlyStale(RevocationList revocations) {
    if (!revocations.isStale(clock.instant()) || revocations.number().equals(reportedStale)) {
      return;
    }
    reportedStale = revocations.number();
    if (revocations.whenStale() == StaleListPolicy.REFUSE) {
      LOG.error("The revocation list (number {}) is past its nextUpdate {}: refusing every node"
          + " until a newer list is installed (the REST API stays open)", revocations.number(), revocations.nextUpdate());
    } else {
      LOG.warn("The revocation list (number {}) is past its nextUpdate {}: still accepting certificates"
          + " (oncofed.tls.stale-crl=warn); a certificate revoked since may be accepted",
          revocations.number(), revocations.nextUpdate());
    }
    audit.listStale(revocations);
  }
}
