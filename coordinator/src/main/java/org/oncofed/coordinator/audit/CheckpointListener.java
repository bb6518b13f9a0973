package org.oncofed.coordinator.audit;

import org.oncofed.common.audit.SignedCheckpoint;

/** Told of each checkpoint the trail signs, after it is stored (the nodes keep them in their ledgers). */
public interface CheckpointListener {

  void checkpointSigned(SignedCheckpoint checkpoint);
}
