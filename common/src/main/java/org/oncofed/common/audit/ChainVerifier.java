package org.oncofed.common.audit;

import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a hash-chained trail record by record, in the order the source holds them (export lines,
 * database rows, ledger lines), and remembers the first problem. The same rules apply to every
 * source, so an export and the database it came from are judged alike:
 *
 * <ul>
 *   <li>a record whose sequence is the next one must hash to its stored hash, else it was
 *       <b>edited</b>;
 *   <li>a sequence number seen before means a record was <b>inserted</b> (or duplicated);
 *   <li>a sequence number ahead of the next one means the next one is missing here: if it turns up
 *       later the records were <b>reordered</b>, else it was <b>deleted</b>; if a checkpoint
 *       revealed the gap and nothing follows, the trail was <b>truncated</b>;
 *   <li>checkpoints must verify ({@link CheckpointVerifier}), be numbered 1, 2, 3..., sit right after
 *       the record they sign and match the chain head there;
 *   <li>at the end, a trail that must be complete (an export) must have its last record covered
 *       by a checkpoint.
 * </ul>
 *
 * <p>Records are fed in one pass; after the first problem they are only scanned for a missing
 * sequence number, to tell a reordering from a deletion.
 */
public final class ChainVerifier {

  private record Gap(long missing, String location, @Nullable Long foundSequence, String found, boolean byCheckpoint) {}

  private final @Nullable CheckpointVerifier checkpoints;
  private final Set<String> signers = new LinkedHashSet<>();
  private AuditProblem problem;
  private Gap gap;
  private boolean recordsAfterGap;
  private long expected = 1;
  private String head = ChainHash.GENESIS;
  private long expectedCheckpoint = 1;
  private Checkpoint lastCheckpoint;
  private int checkpointCount;

  /** @param checkpoints verifies checkpoint signatures; null for chains without checkpoints (ledgers) */
  public ChainVerifier(@Nullable CheckpointVerifier checkpoints) {
    this.checkpoints = checkpoints;
  }

  /**
   * Feeds one record.
   *
   * @param canonical the record's canonical encoding, as recomputed from its stored fields
   * @return true if the record checked out and extended the chain
   */
  public boolean record(String location, long sequence, String canonical, String storedHash) {
    if (gap != null) {
      recordsAfterGap = true;
      if (sequence == gap.missing()) {
        fail(ProblemKind.REORDERED, gap.location(), gap.foundSequence(), gap.found() + "; sequence " + gap.missing()
            + " comes later, at " + location + ": records were reordered");
        gap = null;
      }
      return false;
    }
    if (problem != null) {
      return false;
    }
    if (sequence == expected) {
      String computed = ChainHash.next(head, canonical);
      if (!computed.equals(storedHash)) {
        fail(ProblemKind.EDITED, location, sequence, "the record does not match its hash (stored "
            + abbreviate(storedHash) + ", recomputed " + abbreviate(computed)
            + "): it was changed after it was written, or a record before it was removed or replaced");
        return false;
      }
      head = computed;
      expected++;
      return true;
    }
    if (sequence < expected) {
      fail(ProblemKind.INSERTED, location, sequence, "sequence " + sequence + " appears again after sequence "
          + (expected - 1) + ": a record was inserted or duplicated");
      return false;
    }
    gap = new Gap(expected, location, sequence,
        "found sequence " + sequence + " where sequence " + expected + " belongs", false);
    return false;
  }

  /**
   * Feeds a checkpoint placed after the record it signs.
   *
   * @return the verified checkpoint, or null if it did not check out
   */
  public @Nullable Checkpoint checkpoint(String location, SignedCheckpoint signed) {
    if (checkpoints == null) {
      throw new IllegalStateException("this chain has no checkpoints");
    }
    if (gap != null || problem != null) {
      return null;
    }
    Checkpoint checkpoint;
    try {
      checkpoint = checkpoints.verify(signed);
    } catch (CheckpointRejectedException e) {
      fail(e.kind(), location, null, e.getMessage());
      return null;
    }
    long last = expected - 1;
    if (checkpoint.number() != expectedCheckpoint) {
      fail(checkpoint.number() > expectedCheckpoint ? ProblemKind.DELETED : ProblemKind.INSERTED, location,
          checkpoint.sequence(), "found checkpoint " + checkpoint.number() + " where checkpoint " + expectedCheckpoint
              + " belongs: a checkpoint was " + (checkpoint.number() > expectedCheckpoint ? "removed" : "inserted or duplicated"));
      return null;
    }
    if (checkpoint.sequence() > last) {
      gap = new Gap(expected, location, null, "checkpoint " + checkpoint.number() + " signs sequence "
          + checkpoint.sequence() + " but the trail only reaches sequence " + last + " here", true);
      return null;
    }
    if (checkpoint.sequence() < last) {
      fail(ProblemKind.REORDERED, location, checkpoint.sequence(), "checkpoint " + checkpoint.number()
          + " signs sequence " + checkpoint.sequence() + " but comes after sequence " + last
          + ": records were moved before it, or it was moved");
      return null;
    }
    if (!checkpoint.chainHead().equals(head)) {
      long from = lastCheckpoint == null ? 1 : lastCheckpoint.sequence() + 1;
      fail(ProblemKind.CHECKPOINT_MISMATCH, location, checkpoint.sequence(), "the chain head at sequence "
          + last + " is " + abbreviate(head) + " but checkpoint " + checkpoint.number() + " signed "
          + abbreviate(checkpoint.chainHead()) + ": a record from sequence " + from + " to " + last
          + " was altered and the hashes after it recomputed");
      return null;
    }
    signers.add(signed.certificates().get(0).getSubjectX500Principal().getName());
    lastCheckpoint = checkpoint;
    expectedCheckpoint++;
    checkpointCount++;
    return checkpoint;
  }

  /** A line or row that cannot be read at all. */
  public void malformed(String location, String message) {
    if (gap == null) {
      fail(ProblemKind.MALFORMED, location, null, message);
    }
  }

  public boolean failed() {
    return problem != null || gap != null;
  }

  /** The chain hash of the last record that checked out. */
  public String head() {
    return head;
  }

  /** The sequence of the last record that checked out (0 before the first). */
  public long lastSequence() {
    return expected - 1;
  }

  /**
   * The verdict after the last record.
   *
   * @param endLocation where the source ends, e.g. {@code end of file (line 1240)}
   * @param requireSignedEnd true for exports: the last record must be covered by a checkpoint
   */
  public AuditVerdict finish(String endLocation, boolean requireSignedEnd) {
    if (gap != null) {
      if (gap.byCheckpoint() && !recordsAfterGap) {
        fail(ProblemKind.TRUNCATED, gap.location(), null, gap.found() + ": records were cut off the end");
      } else {
        fail(ProblemKind.DELETED, gap.location(), gap.foundSequence(), gap.found() + "; sequence " + gap.missing()
            + " never appears: a record was deleted");
      }
      gap = null;
    }
    long signedUpTo = lastCheckpoint == null ? 0 : lastCheckpoint.sequence();
    if (problem == null && requireSignedEnd) {
      if (lastCheckpoint == null) {
        fail(ProblemKind.TRUNCATED, endLocation, null, "no signed checkpoint: nothing here can be trusted");
      } else if (signedUpTo < lastSequence()) {
        fail(ProblemKind.TRUNCATED, endLocation, lastSequence(), "records " + (signedUpTo + 1) + " to "
            + lastSequence() + " follow the last checkpoint (" + lastCheckpoint.number()
            + "); an export ends with a checkpoint covering its last record, so its end was cut off"
            + " or records were appended");
      }
    }
    return new AuditVerdict(lastSequence(), head, checkpointCount, signers.stream().toList(), lastCheckpoint,
        lastSequence() - signedUpTo, problem, List.of());
  }

  private void fail(ProblemKind kind, String location, @Nullable Long sequence, String message) {
    if (problem == null) {
      problem = new AuditProblem(kind, location, sequence, message);
    }
  }

  static String abbreviate(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) + "..." : hash;
  }
}
