package org.oncofed.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oncofed.dicom.SampleManifest;
import org.oncofed.dicom.SampleManifestTest;
import picocli.CommandLine;

class InspectCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void jsonReportsEverySampleWithTheManifestsColumnNamesAndValues() throws IOException {
    List<SampleManifest.Row> rows = SampleManifest.rows();
    List<String> args = new ArrayList<>(List.of("--json"));
    rows.forEach(r -> args.add(r.path().toString()));

    int exit = run(args.toArray(String[]::new));

    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSameSizeAs(rows);
    long failures = 0;
    for (int i = 0; i < rows.size(); i++) {
      SampleManifest.Row row = rows.get(i);
      JsonNode json = JSON.readTree(lines.get(i));
      assertThat(json.get("file").asText()).isEqualTo(row.path().toString());
      boolean expectOk = !row.get("expect").equals("reject")
          && !SampleManifestTest.KNOWN_CODEC_GAPS.contains(row.file());
      assertThat(json.get("ok").asBoolean()).as(row.file()).isEqualTo(expectOk);
      failures += expectOk ? 0 : 1;
      if (!expectOk) {
        assertThat(json.get("error").asText()).as(row.file()).isNotBlank();
      }
      if (row.get("expect").equals("reject")) {
        continue;
      }
      for (String column : List.of("transfer_syntax_uid", "modality", "sop_class_uid", "rows", "columns",
          "number_of_frames", "samples_per_pixel", "bits_allocated", "bits_stored", "pixel_representation",
          "photometric_interpretation")) {
        assertThat(text(json.get(column))).as(row.file() + " " + column).isEqualTo(row.get(column));
      }
      for (String column : List.of("rescale_slope", "rescale_intercept", "window_center", "window_width")) {
        String expected = row.get(column);
        JsonNode value = json.get(column);
        if (expected.isEmpty()) {
          assertThat(value.isNull()).as(row.file() + " " + column).isTrue();
        } else {
          assertThat(value.asDouble()).as(row.file() + " " + column).isEqualTo(Double.parseDouble(expected));
        }
      }
      if (expectOk && row.get("expect").equals("decode")) {
        assertThat(json.get("min").asDouble()).isCloseTo(Double.parseDouble(row.get("min")),
            org.assertj.core.api.Assertions.within(2.0));
        if (row.get("pixel_check").equals("exact")) {
          assertThat(json.get("sha256").asText()).as(row.file()).isEqualTo(row.get("sha256"));
          assertThat(json.get("mean").asDouble()).isCloseTo(Double.parseDouble(row.get("mean")),
              org.assertj.core.api.Assertions.within(1e-9 * Math.abs(Double.parseDouble(row.get("mean")))));
        }
      }
    }
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().lines()).hasSize((int) failures)
        .allSatisfy(line -> assertThat(line).doesNotContain("Exception", "\tat "));
  }

  @Test
  void hidesPatientIdentityUnlessAsked() {
    String file = SampleManifest.folder().resolve("CT_small.dcm").toString();

    run("--json", file);
    String hidden = out.toString();
    out.getBuffer().setLength(0);
    run(file);
    String hiddenText = out.toString();
    out.getBuffer().setLength(0);
    run("--json", "--show-phi", file);
    String shown = out.toString();

    assertThat(hidden + hiddenText).doesNotContain("CompressedSamples", "1CT1", "JFK IMAGING",
        "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322");
    assertThat(shown).contains("CompressedSamples^CT1", "1CT1");
  }

  @Test
  void exitsZeroWhenEveryFileReads() {
    int exit = run(SampleManifest.folder().resolve("CT_small.dcm").toString(),
        SampleManifest.folder().resolve("test-SR.dcm").toString());

    assertThat(exit).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).containsPattern("CT training +usable").containsPattern("image +none \\(no Pixel Data\\)");
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new InspectCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? "" : node.asText();
  }
}
