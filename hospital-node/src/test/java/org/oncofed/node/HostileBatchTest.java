package org.oncofed.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.dicom.HostileFiles;
import org.oncofed.dicom.SampleManifest;
import org.oncofed.synthetic.ScannerProfile;
import org.oncofed.synthetic.SiteSynthesizer;

/**
 * The node's batch commands over files built to exhaust memory, interleaved with good ones, each
 * in its own JVM with a 128 MB heap: every file is reported, each hostile one refused with its
 * reason, and the command ends normally. Before decompression was bounded, the first of these
 * files ended the whole batch with an OutOfMemoryError.
 */
class HostileBatchTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 180;

  @TempDir Path dir;

  @Test
  void inspectReportsEveryFileOfAHostileBatch() throws Exception {
    Map<Path, String> refusals = new LinkedHashMap<>();
    refusals.put(sample("CT_small.dcm"), null);
    List<HostileFiles.HostileFile> hostile = HostileFiles.all();
    for (int i = 0; i < hostile.size(); i++) {
      HostileFiles.HostileFile file = hostile.get(i);
      refusals.put(Files.write(dir.resolve(file.name()), file.bytes()), file.refusal());
      if (i == hostile.size() / 2) {
        refusals.put(sample("MR_small_RLE.dcm"), null);
      }
    }
    refusals.put(sample("CT1_J2KI.dcm"), null);
    refusals.put(sample("image_dfl.dcm"), null);
    List<String> args = new ArrayList<>(List.of("inspect", "--json"));
    refusals.keySet().forEach(file -> args.add(file.toString()));

    Result result = nodeInChildJvm(args);

    assertThat(result.exit()).as(result.err()).isEqualTo(1);
    List<JsonNode> reports = result.jsonLines();
    assertThat(reports).hasSameSizeAs(refusals.keySet());
    int i = 0;
    for (Map.Entry<Path, String> file : refusals.entrySet()) {
      JsonNode report = reports.get(i++);
      assertThat(report.get("file").asText()).isEqualTo(file.getKey().toString());
      assertThat(report.get("ok").asBoolean()).as(report.toString()).isEqualTo(file.getValue() == null);
      if (file.getValue() != null) {
        assertThat(report.get("error").asText()).contains(file.getValue());
      }
    }
    assertThat(result.err()).doesNotContain("OutOfMemoryError", "Exception");
    assertThat(result.err().lines().filter(line -> line.startsWith(dir.toString())))
        .hasSize(hostile.size());
  }

  @Test
  void datasetRegistrationRefusesEachHostileFileAndIndexesTheRest() throws Exception {
    Path root = dir.resolve("site");
    SiteSynthesizer.synthesize(new SiteSynthesizer.Request(
        root, "north", 3, 5, ScannerProfile.SHARP, new double[] {1, 1, 1}));
    long slices;
    try (var files = Files.walk(root)) {
      slices = files.filter(f -> f.toString().endsWith(".dcm")).count();
    }
    Path hostileFolder = Files.createDirectory(root.resolve("hostile"));
    Map<String, String> refusals = new LinkedHashMap<>();
    for (HostileFiles.HostileFile file : HostileFiles.all()) {
      Files.write(hostileFolder.resolve(file.name()), file.bytes());
      refusals.put("hostile/" + file.name(), file.refusal());
    }

    Result result = nodeInChildJvm(List.of("dataset", "register", "--json",
        "--data-dir", dir.resolve("node").toString(), "--root", root.toString(),
        "--labels", root.resolve(SiteSynthesizer.LABELS_FILE).toString()));

    assertThat(result.exit()).as(result.err()).isZero();
    JsonNode report = result.firstJson();
    assertThat(report.get("instances").asLong()).isEqualTo(slices);
    Map<String, String> rejected = new LinkedHashMap<>();
    report.get("rejected").forEach(r -> rejected.put(r.get("path").asText(), r.get("reason").asText()));
    assertThat(rejected.keySet()).containsExactlyInAnyOrderElementsOf(refusals.keySet());
    refusals.forEach((path, refusal) -> assertThat(rejected.get(path)).contains(refusal));
    assertThat(result.err()).doesNotContain("OutOfMemoryError", "Exception");
  }

  private record Result(int exit, String out, String err) {

    /** The one JSON document standard output holds, maybe indented. */
    JsonNode firstJson() throws IOException {
      return JSON.readTree(out.substring(out.indexOf('{')));
    }

    /** The JSON lines of standard output (logging, if any, is on other lines). */
    List<JsonNode> jsonLines() throws IOException {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : out.lines().filter(l -> l.startsWith("{")).toList()) {
        lines.add(JSON.readTree(line));
      }
      return lines;
    }
  }

  /** Runs {@code node ARGS...} with a 128 MB heap; killed if it has not ended in time. */
  private Result nodeInChildJvm(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m",
        "-cp", System.getProperty("java.class.path"),
        NodeCommand.class.getName()));
    command.addAll(args);
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process process = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("node " + args.get(0) + " did not end within " + TIMEOUT_SECONDS
          + " s: " + Files.readString(err, StandardCharsets.UTF_8));
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static Path sample(String name) {
    return SampleManifest.folder().resolve(name);
  }
}
