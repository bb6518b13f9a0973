package org.oncofed.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.DevPki;
import org.oncofed.common.audit.ChainHash;
import org.oncofed.common.audit.Checkpoint;
import org.oncofed.common.audit.CheckpointVerifier;
import org.oncofed.common.audit.LedgerEntryType;
import org.oncofed.common.audit.LedgerFile;
import org.oncofed.common.audit.SignedCheckpoint;
import org.oncofed.common.hash.Sha256;
import org.oncofed.common.tls.PemFiles;
import org.oncofed.common.tls.TlsIdentity;
import org.oncofed.proto.federation.v1.DataSplit;
import org.oncofed.proto.federation.v1.EvaluationReport;
import org.oncofed.proto.federation.v1.PrivacyConfig;
import org.oncofed.proto.federation.v1.PrivacySpent;

/** The ledger keeps every entry, on disk, in a chain that survives restarts, crashes and bad callers. */
class NodeLedgerTest {

  private static final PrivacyConfig PRIVACY =
      PrivacyConfig.newBuilder().setClipNorm(5.0).setNoiseMultiplier(0.8).setSecureAggregation(true).build();
  private static final PrivacySpent SPENT =
      PrivacySpent.newBuilder().setEpsilon(4.7284).setDelta(1e-5).setMaxEpsilon(10).build();
  private static final String UPDATE = Sha256.hex("update bytes");

  @TempDir static Path pkiDir;
  @TempDir Path dir;
  private static DevPki pki;
  private static CheckpointVerifier verifier;

  @BeforeAll
  static void createPki() {
    pki = DevPki.init(pkiDir.resolve("pki"), List.of(), false);
    verifier = new CheckpointVerifier(PemFiles.readCertificate(pki.caCertificate()));
  }

  @Test
  void recordsUpdatesEvaluationsAndCheckpointsInOneVerifiableChain() throws Exception {
    NodeLedger ledger = open();

    ledger.recordUpdate("task-1", "exp-1", 1, UPDATE, 4096, 120, PRIVACY, SPENT);
    ledger.recordEvaluation("exp-1", 1, EvaluationReport.newBuilder().setTaskId("task-2")
        .setModelSha256(Sha256.hex("model 1")).setSplit(DataSplit.DATA_SPLIT_TEST).setClasses(3)
        .addAllConfusion(List.of(5L, 1L, 0L, 0L, 4L, 1L, 0L, 0L, 6L)).build());
    ledger.recordCheckpoint(checkpoint(1));

    LedgerFile.Contents contents = LedgerFile.read(ledger.file(), "ledger", verifier);
    assertThat(contents.verdict().valid()).as(contents.verdict().summary()).isTrue();
    assertThat(contents.siteId()).isEqualTo("lakeside");
    assertThat(contents.entries()).extracting(entry -> entry.type()).containsExactly(
        LedgerEntryType.UPDATE_SENT, LedgerEntryType.EVALUATION_SENT, LedgerEntryType.CHECKPOINT_RECEIVED);
    assertThat(contents.entries().get(0).details()).containsEntry("updateSha256", UPDATE)
        .containsEntry("sizeBytes", 4096L).containsEntry("sampleCount", 120L);
    assertThat((Map<?, ?>) contents.entries().get(0).details().get("privacySpent"))
        .extractingFromEntries(entry -> entry.getKey() + "=" + ((Number) entry.getValue()).doubleValue())
        .containsExactlyInAnyOrder("epsilon=4.7284", "delta=1.0E-5", "maxEpsilon=10.0");
    assertThat(contents.entries().get(1).details()).containsEntry("examples", 17L).containsEntry("split", "DATA_SPLIT_TEST");
  }

  @Test
  void recordsAPlanDecisionOncePerChangeAndRemembersItAfterARestart() {
    String plan = Sha256.hex("plan");
    NodeLedger ledger = open();
    assertThat(ledger.recordPlanDecision("exp-1", plan, false, "operator dpo")).isTrue();
    assertThat(ledger.recordPlanDecision("exp-1", plan, false, "operator dpo")).isFalse();

    NodeLedger reopened = open();
    assertThat(reopened.planDecision(plan)).contains(false);
    assertThat(reopened.recordPlanDecision("exp-1", plan, true, "operator dpo")).isTrue();
    assertThat(reopened.planDecision(plan)).contains(true);
    assertThatThrownBy(() -> reopened.recordPlanDecision("exp-1", "abc", true, "operator dpo"))
        .hasMessageContaining("planSha256 must be a SHA-256 digest");
  }

  @Test
  void continuesTheChainAfterARestartAndKeepsACheckpointOnce() throws Exception {
    SignedCheckpoint checkpoint = checkpoint(1);
    NodeLedger first = open();
    first.recordUpdate("task-1", "exp-1", 1, UPDATE, 4096, 120, PRIVACY, SPENT);
    assertThat(first.recordCheckpoint(checkpoint)).isTrue();

    NodeLedger reopened = open();
    var entry = reopened.recordUpdate("task-2", "exp-1", 2, UPDATE, 4096, 118, PRIVACY, SPENT);

    assertThat(entry.sequence()).isEqualTo(3);
    assertThat(reopened.recordCheckpoint(checkpoint)).isFalse();
    assertThat(reopened.trainingReleases()).containsExactly(PRIVACY, PRIVACY);
    assertThat(LedgerFile.read(reopened.file(), "ledger", verifier).verdict().events()).isEqualTo(3);
  }

  @Test
  void refusesBadArgumentsWithoutTouchingTheFile() throws Exception {
    NodeLedger ledger = open();
    ledger.recordUpdate("task-1", "exp-1", 1, UPDATE, 4096, 120, PRIVACY, SPENT);
    byte[] before = Files.readAllBytes(ledger.file());

    assertThatThrownBy(() -> ledger.recordUpdate("task-2", "exp-1", 1, "not-a-hash", 4096, 120, PRIVACY, SPENT))
        .hasMessageContaining("updateSha256 must be a SHA-256 digest");
    assertThatThrownBy(() -> ledger.recordUpdate("task-2", "exp-1", 1, UPDATE, 0, 120, PRIVACY, SPENT))
        .hasMessage("sizeBytes must be positive, found 0");
    assertThatThrownBy(() -> ledger.recordUpdate(" ", "exp-1", 1, UPDATE, 10, 120, PRIVACY, SPENT))
        .hasMessage("taskId must not be blank");

    assertThat(Files.readAllBytes(ledger.file())).isEqualTo(before);
    assertThat(ledger.recordUpdate("task-2", "exp-1", 1, UPDATE, 10, 120, PRIVACY, SPENT).sequence()).isEqualTo(2);
  }

  @Test
  void keepsATornLastLineAsideAndCarriesOn() throws Exception {
    NodeLedger ledger = open();
    ledger.recordUpdate("task-1", "exp-1", 1, UPDATE, 4096, 120, PRIVACY, SPENT);
    Files.writeString(ledger.file(), "{\"entry\":{\"details\":{\"upd", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);

    NodeLedger reopened = open();
    reopened.recordUpdate("task-2", "exp-1", 1, UPDATE, 4096, 120, PRIVACY, SPENT);

    assertThat(LedgerFile.read(reopened.file(), "ledger", verifier).verdict().events()).isEqualTo(2);
    try (var kept = Files.list(reopened.file().getParent())) {
      assertThat(kept.map(path -> path.getFileName().toString())).anyMatch(name -> name.startsWith("ledger.jsonl.torn-"));
    }
  }

  @Test
  void refusesToStartOnALedgerAlteredAfterTheFact() throws Exception {
    NodeLedger ledger = open();
    ledger.recordUpdate("task-1", "exp-1", 1, UPDATE, 4096, 120, PRIVACY, SPENT);
    ledger.recordUpdate("task-2", "exp-1", 2, UPDATE, 4096, 120, PRIVACY, SPENT);
    String text = Files.readString(ledger.file());
    Files.writeString(ledger.file(), text.replace("\"sampleCount\":120,\"sizeBytes\":4096,\"updateSha256\"",
        "\"sampleCount\":12,\"sizeBytes\":4096,\"updateSha256\""));

    assertThatThrownBy(this::open)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is damaged: EDITED at")
        .hasMessageContaining("line 2 (sequence 1)")
        .hasMessageContaining("move it aside");
  }

  @Test
  void refusesALedgerOfAnotherSite() throws Exception {
    open().recordUpdate("task-1", "exp-1", 1, UPDATE, 4096, 120, PRIVACY, SPENT);

    assertThatThrownBy(() -> new NodeLedger(dir.resolve("ledger.jsonl"), "riverside", verifier, Clock.systemUTC()))
        .hasMessageContaining("belongs to site 'lakeside' but this node's certificate is for site 'riverside'");
  }

  private NodeLedger open() {
    return new NodeLedger(dir.resolve("ledger.jsonl"), "lakeside", verifier, Clock.systemUTC());
  }

  static SignedCheckpoint checkpoint(long number) {
    TlsIdentity coordinator = TlsIdentity.load(pki.coordinator().certificate(), pki.coordinator().privateKey(),
        Clock.systemUTC());
    return SignedCheckpoint.sign(new Checkpoint(number, 0, ChainHash.GENESIS, Instant.now(), "test"), coordinator);
  }
}
