package org.oncofed.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.common.tls.PemFiles;

/**
 * An export written before the refusal event types were added ({@code export-v1.jsonl}, one event
 * of every type then known, two checkpoints, with the CA that signed them) still verifies: new
 * event types extend the trail without changing how older ones are read or hashed.
 */
class OldExportTest {

  @TempDir Path dir;

  @Test
  void anExportFromBeforeTheRefusalEventsStillVerifies() throws Exception {
    Path export = copy("export-v1.jsonl");
    List<AuditEventType> types = new ArrayList<>();

    AuditVerdict verdict = new ExportVerifier(PemFiles.readCertificate(copy("export-v1-ca.pem")))
        .verify(export, new ExportVerifier.Listener() {
          @Override
          public void event(AuditEntry entry) {
            types.add(entry.event().type());
          }
        });

    assertThat(verdict.summary()).startsWith("VALID: 16 events, 2 checkpoints");
    assertThat(types).hasSize(16).doesNotContain(AuditEventType.CALL_REFUSED, AuditEventType.SITE_CLAIM_REFUSED,
        AuditEventType.REQUEST_REFUSED);
  }

  private Path copy(String resource) throws IOException {
    try (InputStream in = OldExportTest.class.getResourceAsStream("/audit/" + resource)) {
      Path file = dir.resolve(resource);
      Files.copy(in, file);
      return file;
    }
  }
}
