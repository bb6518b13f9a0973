package org.oncofed.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.DevPki;
import org.oncofed.common.hash.Sha256;
import org.oncofed.common.tls.PemFiles;

/**
 * What an export must also withstand beyond edits to its events (see the coordinator's tamper
 * suite): forged, dropped or foreign checkpoints, and a file that lost lines.
 */
class ExportVerifierTest {

  @TempDir static Path pkiDir;
  @TempDir Path dir;
  private static DevPki pki;
  private TestTrail trail;

  @BeforeAll
  static void createPki() {
    pki = DevPki.init(pkiDir.resolve("pki"), List.of(), false);
  }

  @BeforeEach
  void buildTrail() {
    trail = new TestTrail(pki.coordinator());
    for (int i = 1; i <= 3; i++) {
      trail.event(AuditEventType.ADMIN_ACTION, null, null, null, Map.of("action", "step " + i));
    }
    trail.checkpoint();
    trail.event(AuditEventType.NODE_CONNECTED, null, null, "north", Map.of("certificateSerial", "0A"));
    trail.checkpoint();
  }

  @Test
  void intactExportVerifies() throws Exception {
    AuditVerdict verdict = verify(trail.exportLines());

    assertThat(verdict.summary()).matches("VALID: 4 events, 2 checkpoints signed by CN=coordinator[^,]*(,[^,]+)*, "
        + "chain head [0-9a-f]{16}\\.\\.\\.");
  }

  @Test
  void checkpointSignedByAnotherCaIsNamed() throws Exception {
    DevPki impostor = DevPki.init(dir.resolve("impostor"), List.of(), false);
    trail.checkpoint(TestTrail.identity(impostor.coordinator()));

    AuditVerdict verdict = verify(trail.exportLines());

    assertThat(verdict.problem().kind()).isEqualTo(ProblemKind.UNTRUSTED_SIGNER);
    assertThat(verdict.problem().location()).isEqualTo("line 8");
  }

  @Test
  void droppedCheckpointIsNamed() throws Exception {
    List<String> lines = new ArrayList<>(trail.exportLines());
    lines.remove(4);

    AuditVerdict verdict = verify(lines);

    assertThat(verdict.problem().kind()).isEqualTo(ProblemKind.DELETED);
    assertThat(verdict.problem().location()).isEqualTo("line 6");
    assertThat(verdict.problem().message()).contains("found checkpoint 2 where checkpoint 1 belongs");
  }

  @Test
  void appendedEventWithoutCheckpointIsCaught() throws Exception {
    trail.event(AuditEventType.ADMIN_ACTION, null, null, null, Map.of("action", "added later"));

    AuditVerdict verdict = verify(trail.exportLines());

    assertThat(verdict.problem().kind()).isEqualTo(ProblemKind.TRUNCATED);
    assertThat(verdict.problem().message()).contains("records 5 to 5 follow the last checkpoint (2)");
  }

  @Test
  void exportCutAtACheckpointIsCaughtByItsHeader() throws Exception {
    List<String> lines = new ArrayList<>(trail.exportLines());
    lines.subList(5, lines.size()).clear();

    AuditVerdict verdict = verify(lines);

    assertThat(verdict.problem().kind()).isEqualTo(ProblemKind.TRUNCATED);
    assertThat(verdict.problem().message()).isEqualTo(
        "the header announces 4 events and 2 checkpoints but the export holds 3 and 1");
  }

  @Test
  void unreadableLineIsNamed() throws Exception {
    List<String> lines = new ArrayList<>(trail.exportLines());
    lines.set(2, lines.get(2).replace("\"type\":\"ADMIN_ACTION\"", "\"type\":\"COFFEE_BREAK\""));

    AuditVerdict verdict = verify(lines);

    assertThat(verdict.problem().describe())
        .isEqualTo("MALFORMED at line 3: unknown audit event type 'COFFEE_BREAK'");
  }

  @Test
  void somethingThatIsNotAnExportIsRefused() throws Exception {
    AuditVerdict verdict = verify(List.of("{\"kind\":\"header\",\"format\":\"other\"}"));

    assertThat(verdict.problem().kind()).isEqualTo(ProblemKind.MALFORMED);
    assertThat(verdict.problem().message()).contains("not an OncoFed audit export");
  }

  private AuditVerdict verify(List<String> lines) throws Exception {
    Path file = Files.write(dir.resolve("export-" + Sha256.hex(String.join("\n", lines)) + ".jsonl"), lines);
    return new ExportVerifier(PemFiles.readCertificate(pki.caCertificate())).verify(file);
  }
}
