package org.oncofed.coordinator.nodes;

import jakarta.inject.Singleton;
import java.util.Map;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.coordinator.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records hospital nodes connecting and disconnecting; the site is the actor of its own session. */
@Singleton
class NodeConnectionAudit implements NodeLifecycleListener {

  private static final Logger LOG = LoggerFactory.getLogger(NodeConnectionAudit.class);

  private final AuditTrail trail;

  NodeConnectionAudit(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public void onConnected(ConnectedNode node) {
    record(AuditEventType.NODE_CONNECTED, node, Map.of(
        "certificateSerial", node.certificateSerial(),
        "softwareVersion", node.hello().getSoftwareVersion(),
        "backend", node.hello().getBackend()));
  }

  @Override
  public void onDisconnected(ConnectedNode node, String reason) {
    record(AuditEventType.NODE_DISCONNECTED, node, Map.of("reason", reason));
  }

  private void record(AuditEventType type, ConnectedNode node, Map<String, ?> details) {
    try {
      trail.record(type, node.site().value(), null, null, node.site(), details);
    } catch (RuntimeException e) {
      // The stream must go on; a trail that cannot be written is an operator emergency, logged as such.
      LOG.error("Could not record {} of '{}' in the audit trail: {}", type, node.site(), e.getMessage(), e);
    }
  }
}
