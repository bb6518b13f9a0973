package org.oncofed.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.DevPki;
import org.oncofed.common.hash.Sha256;
import org.oncofed.common.tls.PemFiles;

/** A site's ledger and the coordinator's trail must tell the same story about what left the site. */
class LedgerCrossCheckTest {

  private static final String UPDATE = Sha256.hex("update north 1");

  @TempDir static Path pkiDir;
  @TempDir Path dir;
  private static DevPki pki;
  private TestTrail trail;
  private TestTrail.Ledger ledger;

  @BeforeAll
  static void createPki() {
    pki = DevPki.init(pkiDir.resolve("pki"), List.of(), false);
  }

  @BeforeEach
  void roundWithOneUpdate() {
    trail = new TestTrail(pki.coordinator());
    ledger = trail.new Ledger("north");
    trail.event(AuditEventType.ROUND_OPENED, "exp-1", 1, null, Map.of("selectedSites", List.of("north"),
        "globalModelSha256", Sha256.hex("model 0")));
    ledger.update("task-1", UPDATE, 120);
    trail.event(AuditEventType.UPDATE_ACCEPTED, "exp-1", 1, "north", Map.of("taskId", "task-1",
        "updateSha256", UPDATE, "sampleCount", 120));
    ledger.received(trail.checkpoint());
  }

  @Test
  void agreeingLedgerIsReported() throws Exception {
    trail.checkpoint();

    AuditVerdict verdict = verify();

    assertThat(verdict.valid()).as(verdict.summary()).isTrue();
    assertThat(verdict.notes()).containsExactly("ledger of site north agrees (2 entries)");
  }

  @Test
  void updateTheCoordinatorAcceptedButTheTrailNeverRecordedIsNamed() throws Exception {
    ledger.update("task-9", Sha256.hex("secret extra"), 10).answered("task-9", true);
    trail.checkpoint();

    AuditVerdict verdict = verify();

    assertThat(verdict.problem().kind()).isEqualTo(ProblemKind.LEDGER_MISMATCH);
    assertThat(verdict.problem().location()).isEqualTo("ledger " + dir.resolve("north.jsonl") + " line 4");
    assertThat(verdict.problem().message()).contains("for task task-9", "the coordinator accepted it",
        "the trail has no UPDATE_ACCEPTED or UPDATE_REJECTED event for that site and task");
  }

  @Test
  void updateSentButNeverAcceptedMayBeAbsentFromTheTrail() throws Exception {
    // Lost in transit when the coordinator died before committing it, then refused when retried late.
    ledger.update("task-9", Sha256.hex("lost in transit"), 10);
    ledger.update("task-10", Sha256.hex("too late"), 10).answered("task-10", false);
    trail.checkpoint();

    AuditVerdict verdict = verify();

    assertThat(verdict.valid()).as(verdict.summary()).isTrue();
    assertThat(verdict.notes()).containsExactly(
        "ledger of site north agrees (3 entries, 2 sent without an acceptance, absent from the trail)");
  }

  @Test
  void updateWhoseHashDiffersIsNamed() throws Exception {
    ledger.update("task-2", Sha256.hex("what the site sent"), 50);
    trail.event(AuditEventType.UPDATE_ACCEPTED, "exp-1", 1, "north", Map.of("taskId", "task-2",
        "updateSha256", Sha256.hex("what the coordinator says it got"), "sampleCount", 50));
    trail.checkpoint();

    AuditVerdict verdict = verify();

    assertThat(verdict.problem().kind()).isEqualTo(ProblemKind.LEDGER_MISMATCH);
    assertThat(verdict.problem().location()).isEqualTo("ledger " + dir.resolve("north.jsonl") + " line 4");
    assertThat(verdict.problem().message()).contains("trail sequence 3 records updateSha256");
  }

  @Test
  void acceptedUpdateMissingFromTheLedgerIsNamed() throws Exception {
    trail.event(AuditEventType.UPDATE_ACCEPTED, "exp-1", 1, "north", Map.of("taskId", "task-3",
        "updateSha256", Sha256.hex("forged in the site's name"), "sampleCount", 5));
    ledger.received(trail.checkpoint());

    AuditVerdict verdict = verify();

    assertThat(verdict.problem().kind()).isEqualTo(ProblemKind.LEDGER_MISMATCH);
    assertThat(verdict.problem().sequence()).isEqualTo(3);
    assertThat(verdict.problem().message()).contains("task task-3 that the site's ledger does not record as sent");
  }

  @Test
  void trailRewrittenSinceTheSiteGotItsCheckpointIsNamed() throws Exception {
    TestTrail rewritten = new TestTrail(pki.coordinator());
    rewritten.event(AuditEventType.ROUND_OPENED, "exp-1", 1, null, Map.of("selectedSites", List.of("north"),
        "globalModelSha256", Sha256.hex("another model")));
    rewritten.event(AuditEventType.UPDATE_ACCEPTED, "exp-1", 1, "north", Map.of("taskId", "task-1",
        "updateSha256", UPDATE, "sampleCount", 120));
    for (int i = 0; i < 10; i++) {
      rewritten.tick();
    }
    rewritten.checkpoint();

    AuditVerdict verdict = new LedgerCrossCheck(PemFiles.readCertificate(pki.caCertificate()))
        .verify(rewritten.writeExport(dir.resolve("export.jsonl")), List.of(ledger.write(dir.resolve("north.jsonl"))));

    assertThat(verdict.problem().kind()).isEqualTo(ProblemKind.CHECKPOINT_MISMATCH);
    assertThat(verdict.problem().location()).isEqualTo("ledger " + dir.resolve("north.jsonl") + " line 3");
    assertThat(verdict.problem().message()).contains("the trail was rewritten");
  }

  @Test
  void exportShorterThanACheckpointTheSiteHoldsIsTruncated() throws Exception {
    TestTrail.Ledger checkpointOnly = trail.new Ledger("north").received(trail.checkpoint());
    TestTrail shorter = new TestTrail(pki.coordinator());
    shorter.event(AuditEventType.ROUND_OPENED, "exp-1", 1, null, Map.of("selectedSites", List.of("north"),
        "globalModelSha256", Sha256.hex("model 0")));
    for (int i = 0; i < 10; i++) {
      shorter.tick();
    }
    shorter.checkpoint();

    AuditVerdict verdict = new LedgerCrossCheck(PemFiles.readCertificate(pki.caCertificate()))
        .verify(shorter.writeExport(dir.resolve("export.jsonl")),
            List.of(checkpointOnly.write(dir.resolve("north.jsonl"))));

    assertThat(verdict.problem().kind()).isEqualTo(ProblemKind.TRUNCATED);
    assertThat(verdict.problem().location()).isEqualTo("ledger " + dir.resolve("north.jsonl") + " line 2");
    assertThat(verdict.problem().message()).contains("received checkpoint 2 signing sequence 2",
        "the export ends at sequence 1");
  }

  private AuditVerdict verify() throws Exception {
    return new LedgerCrossCheck(PemFiles.readCertificate(pki.caCertificate()))
        .verify(trail.writeExport(dir.resolve("export.jsonl")), List.of(ledger.write(dir.resolve("north.jsonl"))));
  }
}
