package org.oncofed.common.audit;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;

/**
 * The first thing found wrong, and where.
 *
 * @param location where it is, in the words of the source: {@code line 57} of an export, {@code
 *     audit_event row 12} of the database, {@code ledger line 4}
 * @param sequence the sequence number of the record concerned, where there is one
 */
public record AuditProblem(ProblemKind kind, String location, @Nullable Long sequence, String message) {

  public AuditProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  /** E.g. {@code EDITED at line 57 (sequence 56): ...}. */
  public String describe() {
    return kind + " at " + location + (sequence == null ? "" : " (sequence " + sequence + ")") + ": " + message;
  }
}
