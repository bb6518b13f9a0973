package org.oncofed.coordinator.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.oncofed.common.audit.AuditProblem;
import org.oncofed.common.audit.AuditVerdict;
import org.oncofed.common.audit.Checkpoint;
import org.oncofed.coordinator.audit.StoredCheckpoint;
import org.oncofed.coordinator.audit.StoredEvent;

/** What the auditor API returns. Built from rows as stored, so a damaged row is shown, not hidden. */
final class AuditViews {

  private AuditViews() {}

  /**
   * One event of {@code GET /api/audit/events}.
   *
   * @param details the event's details (a JSON object), or the stored text if it no longer parses
   * @param hash its chain hash
   */
  @Serdeable
  record EventView(long sequence, Instant time, String type, String actor, @Nullable String experimentId,
      @Nullable Integer round, @Nullable String siteId, Object details, String hash) {

    static EventView of(StoredEvent row) {
      return new EventView(row.seq(), row.time(), row.type(), row.actor(), row.experimentId(), row.round(),
          row.siteId(), row.rawMap().get("details"), row.hash());
    }
  }

  /**
   * A page of events.
   *
   * @param nextAfter pass as {@code after} to get the next page; null when this page is the last
   */
  @Serdeable
  record EventPage(List<EventView> events, @Nullable Long nextAfter) {}

  /**
   * A signed checkpoint with its payload decoded.
   *
   * @param payload the signed text; {@code signature} (base64) is over its UTF-8 bytes
   */
  @Serdeable
  record CheckpointView(long number, long sequence, String chainHead, Instant time, String reason, String signer,
      String payload, String signature, String certificate) {

    static CheckpointView of(StoredCheckpoint row) {
      Checkpoint checkpoint = row.signed().checkpoint();
      String signer = row.signed().certificates().get(0).getSubjectX500Principal().getName();
      return new CheckpointView(checkpoint.number(), checkpoint.sequence(), checkpoint.chainHead(), checkpoint.time(),
          checkpoint.reason(), signer, row.payload(), row.signature(), row.certificate());
    }
  }

  @Serdeable
  record ProblemView(String kind, String location, @Nullable Long sequence, String message) {

    static ProblemView of(AuditProblem problem) {
      return new ProblemView(problem.kind().name(), problem.location(), problem.sequence(), problem.message());
    }
  }

  /**
   * The coordinator's verification of its own stored trail.
   *
   * @param unsignedEvents events after the last checkpoint, to be covered by the next one
   */
  @Serdeable
  record VerificationView(boolean valid, String summary, long events, int checkpoints, String chainHead,
      long unsignedEvents, List<String> signers, @Nullable ProblemView problem) {

    static VerificationView of(AuditVerdict verdict) {
      return new VerificationView(verdict.valid(), verdict.summary(), verdict.events(), verdict.checkpoints(),
          verdict.chainHead(), verdict.unsignedEvents(), verdict.signers(),
          verdict.problem() == null ? null : ProblemView.of(verdict.problem()));
    }
  }
}
