package org.oncofed.coordinator.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.common.audit.AuditEntry;
import org.oncofed.common.audit.AuditEvent;
import org.oncofed.common.audit.AuditExport;
import org.oncofed.common.audit.AuditJson;
import org.oncofed.common.audit.AuditVerdict;
import org.oncofed.common.audit.ExportVerifier;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.tls.PemFiles;
import org.oncofed.coordinator.RunningCoordinator;

/** The tamper suite against an export downloaded through the auditor API and altered as a file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportTamperTest extends TrailTamperContract {

  @TempDir Path dir;
  private DevPki pki;
  private List<String> pristine;
  private List<String> lines;

  @BeforeAll
  void exportSampleTrail(@TempDir Path setup) throws Exception {
    pki = DevPki.init(setup.resolve("pki"), List.of(), false);
    var auditor = pki.addUser("audrey", Role.AUDITOR);
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, setup.resolve("data"))) {
      SampleTrail.record(coordinator.context().getBean(AuditTrail.class));
      HttpResponse<String> export = coordinator.get(auditor, "/api/audit/export");
      assertThat(export.statusCode()).isEqualTo(200);
      assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
          .startsWith("application/x-ndjson"));
      pristine = export.body().lines().toList();
    }
  }

  @BeforeEach
  void freshCopy() {
    lines = new ArrayList<>(pristine);
  }

  @Override
  AuditVerdict verify() throws Exception {
    Path file = Files.write(dir.resolve("export.jsonl"), lines);
    return new ExportVerifier(PemFiles.readCertificate(pki.caCertificate())).verify(file);
  }

  @Override
  String edit(long sequence) {
    int index = indexOf(sequence);
    ObjectNode line = (ObjectNode) CanonicalJson.parse(lines.get(index));
    ((ObjectNode) line.get("event")).put("actor", "mallory");
    lines.set(index, line.toString());
    return location(index);
  }

  @Override
  String delete(long sequence) {
    int index = indexOf(sequence);
    lines.remove(index);
    return location(index);
  }

  @Override
  String insertCopy(long sequence) {
    int index = indexOf(sequence);
    lines.add(index + 1, lines.get(index));
    return location(index + 1);
  }

  @Override
  String swap(long first, long second) {
    int a = indexOf(first);
    int b = indexOf(second);
    String line = lines.get(a);
    lines.set(a, lines.get(b));
    lines.set(b, line);
    return location(a);
  }

  @Override
  String truncateAfter(long sequence) {
    int keep = indexOf(sequence) + 1;
    lines.subList(keep, lines.size()).clear();
    return "the end of the export (line " + keep + ")";
  }

  @Override
  String editAndRehash(long sequence) {
    String previous = entry(indexOf(sequence - 1)).hash();
    for (int i = indexOf(sequence); i < lines.size(); i++) {
      if (!lines.get(i).contains("\"kind\":\"event\"")) {
        continue;
      }
      AuditEvent event = entry(i).event();
      if (event.sequence() == sequence) {
        event = new AuditEvent(event.sequence(), event.time(), event.type(), "mallory", event.experimentId(),
            event.round(), event.siteId(), event.details());
      }
      AuditEntry forged = AuditEntry.link(previous, event);
      lines.set(i, AuditExport.eventLine(forged));
      previous = forged.hash();
    }
    return location(indexOf(8) + 1);
  }

  private AuditEntry entry(int index) {
    JsonNode line = AuditJson.parse(lines.get(index));
    return new AuditEntry(AuditEvent.fromJson(line.get("event")), line.get("hash").textValue());
  }

  private int indexOf(long sequence) {
    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = CanonicalJson.parse(lines.get(i));
      if ("event".equals(line.path("kind").asText()) && line.path("event").path("sequence").asLong() == sequence) {
        return i;
      }
    }
    throw new AssertionError("no event " + sequence + " in the export");
  }

  private static String location(int index) {
    return "line " + (index + 1);
  }
}
