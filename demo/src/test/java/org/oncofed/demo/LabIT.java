package org.oncofed.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.dicom.Part10Reader;
import org.oncofed.synthetic.ScannerProfile;
import org.oncofed.synthetic.SiteSynthesizer;
import picocli.CommandLine;

/**
 * The lab end to end on a small synthetic archive divided into three sites by a column of a CSV:
 * real node and coordinator processes, a federated and a centralised experiment, and a table whose
 * every number is the one in the reports the coordinator wrote.
 */
class LabIT {

  private static final String[] SCANNERS = {"Alpha Scan", "Beta", "Gamma"};

  @Test
  @Timeout(600)
  void comparesFederatedWithEveryLocalOnlyModelAndTheCentralisedReference(@TempDir Path dir) throws Exception {
    Path archive = dir.resolve("archive");
    SiteSynthesizer.synthesize(new SiteSynthesizer.Request(archive, "lab", 30, 5, ScannerProfile.STANDARD,
        new double[] {1, 1, 1}));
    Path sitesCsv = writeSitesCsv(archive, dir.resolve("patients.csv"));
    Path config = Files.writeString(dir.resolve("experiment.json"), """
        {"name": "lab test", "model": {"architecture": "small-cnn", "inputSize": 32},
         "training": {"epochs": 3, "batchSize": 16, "learningRate": 0.002}, "rounds": 5, "minNodes": 2}""");
    Path out = dir.resolve("lab");

    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exitCode;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exitCode = new CommandLine(new LabCommand()).execute("--data", archive.toString(),
          "--labels", archive.resolve(SiteSynthesizer.LABELS_FILE).toString(), "--sites-csv", sitesCsv.toString(),
          "--site-column", "scanner", "--min-patients", "5", "--config", config.toString(), "--rounds", "2",
          "--epochs", "1", "--out", out.toString());
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    System.out.println(output);

    assertThat(exitCode).isZero();
    assertThat(output).contains("4/4 connected over mTLS", "round 1/2", "round 2 aggregated");
    assertThat(output).containsPattern("federated \\(round \\d\\)\\s+\\d+  [01]\\.\\d{3} \\[");
    assertThat(output).containsPattern("centralised \\(round \\d\\)\\s+\\d+  [01]\\.\\d{3} \\[");
    for (String site : List.of("alpha-scan", "beta", "gamma")) {
      assertThat(output).containsPattern("local-only " + site + "\\s+\\d+  [01]\\.\\d{3} \\[");
    }

    ObjectMapper json = new ObjectMapper();
    JsonNode summary = json.readTree(out.resolve("lab-summary.json").toFile());
    JsonNode federated = json.readTree(out.resolve("report/federated.json").toFile());
    JsonNode centralised = json.readTree(out.resolve("report/centralised.json").toFile());
    assertThat(Files.readString(out.resolve("report/federated.html"))).contains("<html");
    assertThat(federated.path("config").path("rounds").asInt()).isEqualTo(2);
    assertThat(federated.path("config").path("training").path("epochs").asInt()).isEqualTo(1);
    assertThat(federated.path("config").path("sites")).hasSize(3);
    assertThat(centralised.path("config").path("sites").get(0).asText()).isEqualTo(SitePlan.POOLED);

    JsonNode rows = summary.path("comparison");
    assertThat(rows).hasSize(5);
    assertMatches(rows.get(0), federated.path("results").path("federated").path("test"));
    for (int i = 0; i < 3; i++) {
      assertMatches(rows.get(1 + i), federated.path("results").path("baselines").get(i).path("test"));
    }
    assertMatches(rows.get(4), centralised.path("results").path("federated").path("test"));
    assertThat(summary.path("sites")).extracting(site -> site.path("site").asText())
        .containsExactly("alpha-scan", "beta", "gamma");
  }

  /** A row of the lab's summary holds the numbers of the report's test metrics. */
  private static void assertMatches(JsonNode row, JsonNode test) {
    assertThat(row.path("examples").asLong()).isEqualTo(test.path("examples").asLong()).isPositive();
    assertThat(row.path("accuracy").asDouble()).isCloseTo(test.path("accuracy").asDouble(),
        org.assertj.core.data.Offset.offset(1e-9));
    assertThat(row.path("balancedAccuracy").asDouble()).isEqualTo(test.path("macroSensitivity").asDouble());
    assertThat(row.path("auc").asDouble()).isEqualTo(test.path("macroAuc").path("estimate").asDouble());
    double lower = row.path("accuracyInterval").path("lower").asDouble();
    double upper = row.path("accuracyInterval").path("upper").asDouble();
    assertThat(lower).isLessThanOrEqualTo(row.path("accuracy").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(upper).isGreaterThanOrEqualTo(row.path("accuracy").asDouble()).isLessThanOrEqualTo(1);
  }

  /** Patients dealt in turn to three scanner values, by Patient ID read from the archive's files. */
  private static Path writeSitesCsv(Path archive, Path csv) throws Exception {
    TreeSet<String> patients = new TreeSet<>();
    Part10Reader reader = new Part10Reader();
    try (Stream<Path> files = Files.walk(archive)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".dcm")).toList()) {
        patients.add(reader.readMetadata(file).identity().patientId());
      }
    }
    StringBuilder text = new StringBuilder("patient_id,scanner\n");
    int i = 0;
    for (String patient : patients) {
      text.append(patient).append(',').append(SCANNERS[i++ % SCANNERS.length]).append('\n');
    }
    return Files.writeString(csv, text);
  }
}
