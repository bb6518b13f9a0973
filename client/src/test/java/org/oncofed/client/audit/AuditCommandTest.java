package org.oncofed.client.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.client.ClientCommand;
import org.oncofed.common.SiteId;
import org.oncofed.common.audit.ChainHash;
import org.oncofed.common.audit.LedgerEntry;
import org.oncofed.common.audit.LedgerEntryType;
import org.oncofed.common.audit.LedgerFile;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.coordinator.RunningCoordinator;
import org.oncofed.coordinator.audit.AuditTrail;
import org.oncofed.coordinator.audit.SampleTrail;
import picocli.CommandLine;

/** {@code audit export} downloads over mTLS as an auditor; {@code audit verify} judges the file offline. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditCommandTest {

  @TempDir Path dir;
  private DevPki pki;
  private Path export;

  @BeforeAll
  void exportThroughTheCommandLine(@TempDir Path setup) {
    pki = DevPki.init(setup.resolve("pki"), List.of(), false);
    Credential auditor = pki.addUser("audrey", Role.AUDITOR);
    export = setup.resolve("audit.jsonl");
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, setup.resolve("data"))) {
      SampleTrail.record(coordinator.context().getBean(AuditTrail.class));

      Run run = run("audit", "export", "--coordinator", "https://localhost:" + coordinator.httpsPort(),
          "--cert", auditor.certificate().toString(), "--key", auditor.privateKey().toString(),
          "--ca", pki.caCertificate().toString(), "--out", export.toString());

      assertThat(run.exit).as(run.err).isZero();
      assertThat(run.out).contains("Wrote 12 events and 3 checkpoints (");
    }
  }

  @Test
  void downloadedExportVerifiesOffline() {
    Run run = run("audit", "verify", export.toString(), "--ca", pki.caCertificate().toString());

    assertThat(run.exit).isZero();
    assertThat(run.out).startsWith("VALID: 12 events, 3 checkpoints signed by CN=coordinator");
  }

  @Test
  void alteredExportFailsNamingTheFirstBadRecord() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(export));
    lines.set(6, lines.get(6).replace("update norm 9.2 exceeds bound 5.0", "update arrived late"));
    Path altered = Files.write(dir.resolve("altered.jsonl"), lines);

    Run run = run("audit", "verify", altered.toString(), "--ca", pki.caCertificate().toString());

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.out).startsWith("INVALID: EDITED at line 7 (sequence 5): the record does not match its hash");
  }

  @Test
  void anotherCaDoesNotVouchForTheCheckpoints() {
    DevPki other = DevPki.init(dir.resolve("other"), List.of(), false);

    Run run = run("audit", "verify", export.toString(), "--ca", other.caCertificate().toString(), "--json");

    JsonNode verdict = CanonicalJson.parse(run.out);
    assertThat(run.exit).isEqualTo(1);
    assertThat(verdict.path("valid").asBoolean()).isFalse();
    assertThat(verdict.path("problem").path("kind").asText()).isEqualTo("UNTRUSTED_SIGNER");
    assertThat(verdict.path("problem").path("location").asText()).isEqualTo("line 6");
  }

  @Test
  void siteLedgerIsCrossChecked() throws Exception {
    Path agreeing = ledger("agreeing.jsonl", SampleTrail.updateHash(SampleTrail.NORTH, 2));
    Path disagreeing = ledger("disagreeing.jsonl", SampleTrail.hash("something else"));
    String ca = pki.caCertificate().toString();

    Run good = run("audit", "verify", export.toString(), "--ca", ca, "--node-ledger", agreeing.toString());
    Run bad = run("audit", "verify", export.toString(), "--ca", ca, "--node-ledger", disagreeing.toString());

    assertThat(good.exit).as(good.out).isZero();
    assertThat(good.out).endsWith("; ledger of site north agrees (2 entries)\n");
    assertThat(bad.exit).isEqualTo(1);
    assertThat(bad.out).startsWith("INVALID: LEDGER_MISMATCH at ledger " + disagreeing + " line 3 (sequence 2)");
  }

  @Test
  void missingFilesCannotBeVerified() {
    Run run = run("audit", "verify", dir.resolve("nowhere.jsonl").toString(), "--ca", pki.caCertificate().toString());

    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).contains("file not found", "nowhere.jsonl");
  }

  /** The ledger north would have kept (written before the export): both its updates, the second with the given hash. */
  private Path ledger(String name, String secondUpdate) throws Exception {
    Instant before = Instant.now().minusSeconds(600);
    List<String> lines = new ArrayList<>(List.of(LedgerFile.headerLine("north", before)));
    String head = ChainHash.GENESIS;
    for (int round = 1; round <= 2; round++) {
      Map<String, Object> update = new java.util.HashMap<>(SampleTrail.update(SiteId.of("north"), round));
      update.remove("metrics");
      update.remove("taskId");
      if (round == 2) {
        update.put("updateSha256", secondUpdate);
      }
      LedgerEntry entry = LedgerEntry.create(round, before.plusSeconds(round), LedgerEntryType.UPDATE_SENT, "north", "exp-1", round,
          "exp-1-r" + round + "-north", update);
      head = ChainHash.next(head, entry.canonical());
      lines.add(LedgerFile.entryLine(entry, head));
    }
    return Files.write(dir.resolve(name), lines);
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = new CommandLine(new ClientCommand()).execute(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }
}
