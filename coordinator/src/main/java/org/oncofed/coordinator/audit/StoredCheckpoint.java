package org.oncofed.coordinator.audit;

import java.util.Base64;
import org.oncofed.common.audit.SignedCheckpoint;

/** An {@code audit_checkpoint} row as stored. */
public record StoredCheckpoint(long number, long seq, String payload, String signature, String certificate) {

  String location() {
    return "audit_checkpoint number " + number;
  }

  /** The signed checkpoint; fails if the stored signature is not base64. */
  public SignedCheckpoint signed() {
    return new SignedCheckpoint(payload, Base64.getDecoder().decode(signature), certificate);
  }
}
