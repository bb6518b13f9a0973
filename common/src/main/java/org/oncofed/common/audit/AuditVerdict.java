package org.oncofed.common.audit;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of verifying a trail: what was covered, and the first problem if any.
 *
 * @param events records whose hash and position checked out (all of them when valid)
 * @param chainHead the chain hash of the last of those records
 * @param checkpoints signed checkpoints that checked out
 * @param signers subjects of the certificates that signed them
 * @param unsignedEvents records after the last checkpoint (allowed in a live trail, not in an export)
 * @param notes further findings that are not problems, e.g. the result of a ledger cross-check
 */
public record AuditVerdict(
    long events,
    String chainHead,
    int checkpoints,
    List<String> signers,
    @Nullable Checkpoint lastCheckpoint,
    long unsignedEvents,
    @Nullable AuditProblem problem,
    List<String> notes) {

  public AuditVerdict {
    Objects.requireNonNull(chainHead, "chainHead");
    signers = List.copyOf(signers);
    notes = List.copyOf(notes);
  }

  public boolean valid() {
    return problem == null;
  }

  /** This verdict with a problem found by a later check (a ledger cross-check, a header count). */
  public AuditVerdict withProblem(AuditProblem found) {
    return new AuditVerdict(events, chainHead, checkpoints, signers, lastCheckpoint, unsignedEvents, found, notes);
  }

  public AuditVerdict withNote(String note) {
    List<String> more = new ArrayList<>(notes);
    more.add(note);
    return new AuditVerdict(events, chainHead, checkpoints, signers, lastCheckpoint, unsignedEvents, problem, more);
  }

  /** One line for people: {@code VALID: 1234 events, 7 checkpoints signed by CN=coordinator, chain head 3fa2...}. */
  public String summary() {
    if (problem != null) {
      return "INVALID: " + problem.describe();
    }
    StringBuilder line = new StringBuilder("VALID: ").append(events).append(events == 1 ? " event, " : " events, ")
        .append(checkpoints).append(checkpoints == 1 ? " checkpoint" : " checkpoints");
    if (!signers.isEmpty()) {
      line.append(" signed by ").append(String.join(" and ", signers));
    }
    line.append(", chain head ").append(chainHead, 0, 16).append("...");
    if (unsignedEvents > 0) {
      line.append(" (").append(unsignedEvents).append(" latest events not yet covered by a checkpoint)");
    }
    notes.forEach(note -> line.append("; ").append(note));
    return line.toString();
  }
}
