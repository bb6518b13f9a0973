package org.oncofed.coordinator.audit;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records refusals: TLS clients refused at the handshake, federation calls and REST requests
 * refused afterwards. Refusals are reported on network threads (handshakes, gRPC interceptors,
 * the HTTP event loop) that must not wait for the database, and can arrive in floods from a
 * scanner; so they are recorded in order by one background thread through a bounded queue.
 * Refusals that find the queue full are counted and the count is recorded with the next one that
 * fits.
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
  public void refused(Refusal refusal) {
    try {
      recorder.execute(() -> record(refusal));
    } catch (RejectedExecutionException full) {
      dropped.incrementAndGet();
    }
  }

  private void record(Refusal refusal) {
    long droppedBefore = dropped.getAndSet(0);
    Map<String, Object> details = new HashMap<>(refusal.details());
    if (droppedBefore > 0) {
      details.put("unrecordedRefusalsBefore", droppedBefore);
    }
    try {
      trail.record(refusal.type(), refusal.actor(), refusal.experimentId(), null, refusal.site(), details);
    } catch (RuntimeException e) {
      LOG.error("Could not record {} of '{}' in the audit trail: {}", refusal.type(), refusal.actor(), e.getMessage(), e);
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
