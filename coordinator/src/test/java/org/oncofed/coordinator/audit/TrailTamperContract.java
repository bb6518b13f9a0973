package org.oncofed.coordinator.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oncofed.common.audit.AuditProblem;
import org.oncofed.common.audit.AuditVerdict;
import org.oncofed.common.audit.ProblemKind;

/**
 * One tamper suite for every place the trail lives: an export file and the database rows. Each
 * store alters the {@link SampleTrail} (events 1 to 12, checkpoints after 4, 8 and 12) its own way
 * and says where the verifier must point; the verdict must name that place.
 */
abstract class TrailTamperContract {

  abstract AuditVerdict verify() throws Exception;

  /** Changes the actor of an event; returns where that event is. */
  abstract String edit(long sequence) throws Exception;

  /** Removes an event; returns where the verifier notices (the record after it). */
  abstract String delete(long sequence) throws Exception;

  /** Adds a second copy of an event; returns where the copy is. */
  abstract String insertCopy(long sequence) throws Exception;

  /** Exchanges two neighbouring events; returns where the first of them was. */
  abstract String swap(long first, long second) throws Exception;

  /** Drops every event after {@code sequence}; returns where the verifier notices. */
  abstract String truncateAfter(long sequence) throws Exception;

  /**
   * Changes an event and recomputes every hash after it, as a careful forger would; returns where
   * the next checkpoint is.
   */
  abstract String editAndRehash(long sequence) throws Exception;

  @Test
  void untouchedTrailVerifies() throws Exception {
    AuditVerdict verdict = verify();

    assertThat(verdict.problem()).isNull();
    assertThat(verdict.events()).isEqualTo(SampleTrail.EVENTS);
    assertThat(verdict.checkpoints()).isEqualTo(3);
    assertThat(verdict.summary()).startsWith("VALID: 12 events, 3 checkpoints signed by CN=coordinator");
  }

  @Test
  void editedEventIsNamed() throws Exception {
    String where = edit(5);

    assertProblem(ProblemKind.EDITED, where, 5L);
  }

  @Test
  void deletedEventIsNamed() throws Exception {
    String where = delete(6);

    assertProblem(ProblemKind.DELETED, where, 7L);
    assertThat(verify().problem().message()).contains("sequence 6 never appears");
  }

  @Test
  void insertedEventIsNamed() throws Exception {
    String where = insertCopy(5);

    assertProblem(ProblemKind.INSERTED, where, 5L);
  }

  @Test
  void reorderedEventsAreNamed() throws Exception {
    String where = swap(5, 6);

    assertProblem(ProblemKind.REORDERED, where, 6L);
  }

  @Test
  void truncatedTrailIsNamed() throws Exception {
    String where = truncateAfter(10);

    assertThat(verify().problem().kind()).isEqualTo(ProblemKind.TRUNCATED);
    assertThat(verify().problem().location()).isEqualTo(where);
  }

  @Test
  void rewrittenChainIsCaughtAtTheNextCheckpoint() throws Exception {
    String where = editAndRehash(6);

    assertProblem(ProblemKind.CHECKPOINT_MISMATCH, where, 8L);
    assertThat(verify().problem().message()).contains("a record from sequence 5 to 8 was altered");
  }

  private void assertProblem(ProblemKind kind, String location, Long sequence) throws Exception {
    AuditVerdict verdict = verify();
    AuditProblem problem = verdict.problem();

    assertThat(verdict.valid()).isFalse();
    assertThat(problem).isNotNull();
    assertThat(problem.kind()).as(problem.describe()).isEqualTo(kind);
    assertThat(problem.location()).as(problem.describe()).isEqualTo(location);
    assertThat(problem.sequence()).as(problem.describe()).isEqualTo(sequence);
    assertThat(verdict.summary()).startsWith("INVALID: " + kind + " at " + location);
  }
}
