package org.oncofed.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the whole suite with tiny sizes, so that no benchmark can rot unnoticed. */
class BenchCommandTest {

  @Test
  void quickRunComparesEveryBenchmarkWithItsBaseline(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report.json");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream standardOutput = System.out;
    int exitCode;
    try {
      System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
      exitCode = new CommandLine(new BenchCommand()).execute(
          "--quick", "--no-install", "--json", report.toString(), "--work", dir.resolve("work").toString());
    } finally {
      System.setOut(standardOutput);
    }
    String table = console.toString(StandardCharsets.UTF_8);
    standardOutput.print(table);

    assertThat(exitCode).isZero();
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    List<String> compared = new ArrayList<>();
    json.get("comparisons").forEach(c -> {
      compared.add(c.get("benchmark").asText());
      assertThat(c.get("ratio").asDouble()).as(c.get("case").asText()).isPositive().isFinite();
    });
    List<String> skipped = new ArrayList<>();
    json.get("skipped").forEach(s -> {
      skipped.add(s.get("benchmark").asText());
      assertThat(s.get("reason").asText()).as("skipped " + s).doesNotStartWith("failed");
    });
    // Every case of the tiny settings: two FedAvg sizes and the heap figure, fetch and submit, one
    // round size, both DICOM encodings.
    assertThat(compared).as(table).filteredOn("aggregation"::equals).hasSize(3);
    assertThat(compared).as(table).filteredOn("transfer"::equals).hasSize(2);
    assertThat(compared).as(table).filteredOn("rounds"::equals).hasSize(1);
    assertThat(compared).as(table).filteredOn("dicom"::equals).hasSize(2);
    // PyTorch may be missing where the suite runs; then the training figure is reported without its ratio.
    assertThat(compared.contains("training") || skipped.contains("training")).as(table).isTrue();
    assertThat(table).contains("benchmark", "ratio", "report: " + report);
  }
}
