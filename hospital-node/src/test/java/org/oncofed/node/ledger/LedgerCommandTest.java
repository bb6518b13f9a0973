package org.oncofed.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.DevPki;
import org.oncofed.common.hash.Sha256;
import org.oncofed.common.tls.ProjectPki;
import org.oncofed.node.NodeCommand;
import org.oncofed.proto.federation.v1.PrivacyConfig;
import org.oncofed.proto.federation.v1.PrivacySpent;
import picocli.CommandLine;

/** {@code node ledger show|verify|export} on a ledger written by the node. */
class LedgerCommandTest {

  @TempDir Path dir;
  private DevPki pki;
  private Path dataDir;
  private NodeLedger ledger;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @BeforeEach
  void writeLedger() {
    pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    var site = pki.addSite("lakeside");
    ProjectPki keys = ProjectPki.load(site.certificate(), site.privateKey(), pki.caCertificate(), pki.crl(),
        Clock.systemUTC());
    dataDir = dir.resolve("node");
    ledger = new NodeLedger(dataDir, keys, Clock.systemUTC());
    ledger.recordUpdate("task-1", "exp-1", 1, Sha256.hex("update"), 4096, 120, PrivacyConfig.getDefaultInstance(),
        PrivacySpent.newBuilder().setEpsilon(Double.POSITIVE_INFINITY).setDelta(1e-5).build());
  }

  @Test
  void verifyReportsAnIntactLedger() {
    int exit = run("ledger", "verify", "--data-dir", dataDir.toString(), "--ca", pki.caCertificate().toString());

    assertThat(exit).isZero();
    assertThat(output()).startsWith("VALID: ledger of site lakeside, 1 entry (1 update sent, 0 evaluations sent,"
        + " 0 signed checkpoints received), chain head ");
  }

  @Test
  void verifyNamesTheAlteredLineAndFails() throws Exception {
    Files.writeString(ledger.file(), Files.readString(ledger.file()).replace("\"sampleCount\":120", "\"sampleCount\":7"));

    int exit = run("ledger", "verify", "--data-dir", dataDir.toString(), "--ca", pki.caCertificate().toString());

    assertThat(exit).isEqualTo(1);
    assertThat(output()).startsWith("INVALID: EDITED at ledger line 2 (sequence 1)");
  }

  @Test
  void showListsWhatLeftTheSite() {
    int exit = run("ledger", "show", "--data-dir", dataDir.toString());

    assertThat(exit).isZero();
    assertThat(output()).contains("UPDATE_SENT", "4096 bytes, 120 samples", "exp-1 round 1 task task-1");
  }

  @Test
  void exportCopiesTheLedgerForTheAuditor() throws Exception {
    Path copy = dir.resolve("lakeside-ledger.jsonl");

    int exit = run("ledger", "export", "--data-dir", dataDir.toString(), "--out", copy.toString());

    assertThat(exit).isZero();
    assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(ledger.file()));
  }

  @Test
  void saysSoWhenThereIsNoLedger() {
    assertThat(run("ledger", "show", "--data-dir", dir.resolve("elsewhere").toString())).isEqualTo(3);
  }

  private int run(String... args) {
    PrintStream original = System.out;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      return new CommandLine(new NodeCommand()).execute(args);
    } finally {
      System.setOut(original);
    }
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }
}
