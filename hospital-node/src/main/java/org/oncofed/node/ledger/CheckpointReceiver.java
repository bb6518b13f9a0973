package org.oncofed.node.ledger;

import jakarta.inject.Singleton;
import org.oncofed.common.audit.Checkpoint;
import org.oncofed.common.audit.CheckpointRejectedException;
import org.oncofed.common.audit.CheckpointVerifier;
import org.oncofed.common.audit.SignedCheckpoint;
import org.oncofed.common.tls.ProjectPki;
import org.oncofed.node.link.CoordinatorMessageHandler;
import org.oncofed.proto.federation.v1.CoordinatorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps in the ledger every audit checkpoint the coordinator sends, once its signature has been
 * verified against the project CA; a checkpoint that does not verify is logged and not kept.
 */
@Singleton
class CheckpointReceiver implements CoordinatorMessageHandler {

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointReceiver.class);

  private final NodeLedger ledger;
  private final CheckpointVerifier verifier;

  CheckpointReceiver(NodeLedger ledger, ProjectPki pki) {
    this.ledger = ledger;
    this.verifier = new CheckpointVerifier(pki.ca());
  }

  @Override
  public void handle(CoordinatorMessage message) {
    if (!message.hasCheckpoint()) {
      return;
    }
    SignedCheckpoint signed = SignedCheckpoint.fromProto(message.getCheckpoint());
    Checkpoint checkpoint;
    try {
      checkpoint = verifier.verify(signed);
    } catch (CheckpointRejectedException e) {
      LOG.warn("Refused an audit checkpoint from the coordinator ({}): {}", e.kind(), e.getMessage());
      return;
    }
    try {
      if (ledger.recordCheckpoint(signed)) {
        LOG.info("Kept audit checkpoint {} (trail sequence {})", checkpoint.number(), checkpoint.sequence());
      }
    } catch (RuntimeException e) {
      LOG.error("Could not keep audit checkpoint {} in the ledger: {}", checkpoint.number(), e.getMessage(), e);
    }
  }
}
