package org.oncofed.common.audit;

import java.util.Objects;
import org.oncofed.common.hash.Sha256;

/**
 * An audit event as stored: the event and its chain hash.
 *
 * @param hash {@link ChainHash#next} of the previous entry's hash and this event's canonical form
 */
public record AuditEntry(AuditEvent event, String hash) {

  public AuditEntry {
    Objects.requireNonNull(event, "event");
    Sha256.requireHexDigest(hash, "hash");
  }

  /** Links an event to the chain whose head is {@code previousHash}. */
  public static AuditEntry link(String previousHash, AuditEvent event) {
    return new AuditEntry(event, ChainHash.next(previousHash, event.canonical()));
  }

  public long sequence() {
    return event.sequence();
  }
}
