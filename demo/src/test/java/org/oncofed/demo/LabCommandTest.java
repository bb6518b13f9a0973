package org.oncofed.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input stops the lab before any process starts, with one line naming what is wrong. */
class LabCommandTest {

  @TempDir
  Path dir;

  @Test
  void anUnknownDatasetFolderIsNamed() throws Exception {
    Path csv = Files.writeString(dir.resolve("patients.csv"), "patient_id,scanner\nP1,ge\n");

    String output = run("--data", dir.resolve("no-such-folder").toString(), "--sites-csv", csv.toString(),
        "--site-column", "scanner");

    assertThat(output).contains("FAILED: dataset folder " + dir.resolve("no-such-folder") + " does not exist");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aMissingSiteColumnIsNamed() throws Exception {
    Path csv = Files.writeString(dir.resolve("patients.csv"), "patient_id,scanner\nP1,ge\n");

    String output = run("--data", dir.toString(), "--sites-csv", csv.toString(), "--site-column", "manufacturer");

    assertThat(output).contains("FAILED: " + csv + " has no column 'manufacturer'; its columns are [patient_id, scanner]");
  }

  @Test
  void aConfigurationThatIsNotJsonIsNamed() throws Exception {
    Path csv = Files.writeString(dir.resolve("patients.csv"), "patient_id,scanner\nP1,ge\n");
    Path config = Files.writeString(dir.resolve("experiment.json"), "{\"rounds\": ");

    String output = run("--data", dir.toString(), "--sites-csv", csv.toString(), "--site-column", "scanner",
        "--config", config.toString());

    assertThat(output).contains("FAILED: configuration file " + config + " is not valid JSON");
  }

  private String run(String... args) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      String[] withOut = Arrays.copyOf(args, args.length + 2);
      withOut[args.length] = "--out";
      withOut[args.length + 1] = dir.resolve("out").toString();
      assertThat(new CommandLine(new LabCommand()).execute(withOut)).isEqualTo(1);
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
