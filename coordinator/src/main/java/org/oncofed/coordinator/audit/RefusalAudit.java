package org.oncofed.coordinator.audit;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.oncofed.common.audit.AuditEvent;
import org.oncofed.common.audit.AuditEventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records refused TLS clients. Refusals are reported on the network threads that run handshakes,
 * which must not wait for the database, and can arrive in floods from a scanner; so they are
 * recorded in order by one background thread through a bounded queue. Refusals that find the
 * queue full are counted and the count is recorded with the next one that fits.
 */
@Singleton
public class RefusalAudit {

  private static final Logger LOG = LoggerFactory.getLogger(RefusalAudit.class);
  private static final int QUEUE = 1000;

  private final AuditTrail trail;
  private final AtomicLong dropped = new AtomicLong();
  private final ThreadPoolExecutor recorder = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
      new ArrayBlockingQueue<>(QUEUE), runnable -> {
        Thread thread = new Thread(runnable, "audit-refusals");
        thread.setDaemon(true);
        return thread;
      });

  RefusalAudit(AuditTrail trail) {
    this.trail = trail;
  }

  /** Queues a refusal for the trail; never blocks. */
  public void refused(String subject, String reason) {
    try {
      recorder.execute(() -> record(subject, reason));
    } catch (RejectedExecutionException full) {
      dropped.incrementAndGet();
    }
  }

  private void record(String subject, String reason) {
    long droppedBefore = dropped.getAndSet(0);
    Map<String, Object> details = droppedBefore == 0
        ? Map.of("subject", subject, "reason", reason)
        : Map.of("subject", subject, "reason", reason, "unrecordedRefusalsBefore", droppedBefore);
    try {
      trail.record(AuditEventType.CONNECTION_REFUSED, AuditEvent.SYSTEM, null, null, null, details);
    } catch (RuntimeException e) {
      LOG.error("Could not record the refusal of '{}' in the audit trail: {}", subject, e.getMessage(), e);
    }
  }

  /** Records what is queued, then accepts no more; called on shutdown while the database is open. */
  void drain() throws InterruptedException {
    recorder.shutdown();
    if (!recorder.awaitTermination(5, TimeUnit.SECONDS)) {
      LOG.warn("Refused connections still queued at shutdown were not recorded");
    }
  }
}
