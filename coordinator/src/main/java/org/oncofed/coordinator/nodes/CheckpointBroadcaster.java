package org.oncofed.coordinator.nodes;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.oncofed.common.audit.SignedCheckpoint;
import org.oncofed.coordinator.audit.AuditRepository;
import org.oncofed.coordinator.audit.CheckpointListener;
import org.oncofed.proto.federation.v1.CoordinatorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends signed checkpoints to the hospital nodes, which keep them in their ledgers: every new
 * checkpoint to every connected node, and the latest one to each node as it connects, so that a
 * node that was away catches up. A node holding a checkpoint makes any later rewriting or
 * shortening of the trail before it detectable, even by a coordinator that re-signs.
 */
@Singleton
class CheckpointBroadcaster implements CheckpointListener, NodeLifecycleListener {

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointBroadcaster.class);

  // A provider: ConnectedNodes is created with its listeners, this class among them.
  private final BeanProvider<ConnectedNodes> nodes;
  private final AuditRepository repository;

  CheckpointBroadcaster(BeanProvider<ConnectedNodes> nodes, AuditRepository repository) {
    this.nodes = nodes;
    this.repository = repository;
  }

  @Override
  public void checkpointSigned(SignedCheckpoint checkpoint) {
    CoordinatorMessage message = message(checkpoint);
    ConnectedNodes connected = nodes.get();
    for (ConnectedNode node : connected.snapshot()) {
      if (!connected.send(node.site(), message)) {
        LOG.debug("Checkpoint not delivered to '{}': it disconnected", node.site());
      }
    }
  }

  @Override
  public void onConnected(ConnectedNode node) {
    try {
      repository.lastCheckpoint().ifPresent(latest -> nodes.get().send(node.site(), message(latest.signed())));
    } catch (RuntimeException e) {
      LOG.warn("Could not send the latest audit checkpoint to '{}': {}", node.site(), e.getMessage());
    }
  }

  private static CoordinatorMessage message(SignedCheckpoint checkpoint) {
    return CoordinatorMessage.newBuilder().setCheckpoint(checkpoint.toProto()).build();
  }
}
