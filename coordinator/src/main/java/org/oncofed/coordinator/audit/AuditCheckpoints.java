package org.oncofed.coordinator.audit;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.core.order.Ordered;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs checkpoints the coordinator takes by itself: periodically while events keep coming (so
 * that a quiet trail is never long unsigned), and on shutdown, after the other shutdown listeners
 * (the federation server closing its streams records disconnections) and while the database is
 * still open.
 */
@Singleton
class AuditCheckpoints implements ApplicationEventListener<ShutdownEvent>, Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpoints.class);

  private final AuditTrail trail;
  private final RefusalAudit refusals;

  AuditCheckpoints(AuditTrail trail, RefusalAudit refusals) {
    this.trail = trail;
    this.refusals = refusals;
  }

  @Scheduled(fixedDelay = "${oncofed.audit.checkpoint-interval:10m}", initialDelay = "${oncofed.audit.checkpoint-interval:10m}")
  void periodic() {
    try {
      trail.checkpoint("periodic");
    } catch (RuntimeException e) {
      LOG.error("Could not sign the periodic audit checkpoint: {}", e.getMessage(), e);
    }
  }

  @Override
  public void onApplicationEvent(ShutdownEvent event) {
    try {
      refusals.drain();
      trail.checkpoint("shutdown");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("Could not sign the shutdown audit checkpoint: {}", e.getMessage(), e);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
