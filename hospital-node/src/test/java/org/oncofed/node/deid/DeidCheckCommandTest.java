package org.oncofed.node.deid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oncofed.dicom.Part10Reader;
import org.oncofed.dicom.PatientIdentity;
import org.oncofed.dicom.SampleManifest;
import picocli.CommandLine;

class DeidCheckCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void walksAFolderAndNamesIdentifyingAttributesButNeverTheirValues() throws Exception {
    Path folder = SampleManifest.folder();

    int exit = run("--json", folder.toString());

    List<String> lines = out.toString().lines().toList();
    JsonNode summary = JSON.readTree(lines.get(lines.size() - 1));
    assertThat(exit).isEqualTo(1);
    assertThat(summary.get("summary").asBoolean()).isTrue();
    assertThat(summary.get("files").asInt()).isEqualTo(lines.size() - 1).isGreaterThanOrEqualTo(20);
    assertThat(summary.get("unreadable").asInt()).isPositive();
    assertThat(summary.get("filesByAttribute").get("Patient's Name").asInt()).isPositive();

    Path ctSmall = folder.resolve("CT_small.dcm");
    JsonNode ct = lines.stream().map(DeidCheckCommandTest::json)
        .filter(line -> line.path("file").asText().equals(ctSmall.toString())).findFirst().orElseThrow();
    assertThat(ct.get("clean").asBoolean()).isFalse();
    assertThat(ct.get("identifying").findValuesAsText("name")).contains("Patient's Name", "Patient ID", "Study Date");
    assertThat(ct.get("uids").findValuesAsText("name")).contains("SOP Instance UID", "Study Instance UID");
    assertThat(ct.get("dates").findValuesAsText("name")).contains("Study Date");

    PatientIdentity identity = new Part10Reader().readMetadata(ctSmall).identity();
    assertThat(out.toString()).doesNotContain(identity.patientName(), identity.patientId());
  }

  @Test
  void textNamesEachAttributeWithItsProfileActionAndSummarises() {
    Path ctSmall = SampleManifest.folder().resolve("CT_small.dcm");

    int exit = run(ctSmall.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .contains(ctSmall + ": ")
        .contains("  identifying: Patient's Name 00100010 [Z, direct identifier]")
        .contains("Summary: 1 file(s) read, 0 clean, 1 with identifying attributes");
  }

  private static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  private int run(String... args) {
    CommandLine command = new CommandLine(new DeidCheckCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return command.execute(args);
  }
}
