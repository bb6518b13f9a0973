package org.oncofed.node.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.synthetic.ScannerProfile;
import picocli.CommandLine;

class DatasetCommandTest {

  @TempDir static Path shared;
  private static Path site;

  @TempDir Path dataDir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void writeSite() throws IOException {
    site = SyntheticSites.write(shared.resolve("site"), "south", 6, ScannerProfile.SOFT);
  }

  @Test
  void registersShowsAndSplitsADataset() throws IOException {
    int registered = run("register", "--data-dir", dataDir.toString(), "--root", site.toString(),
        "--labels", site.resolve("labels.csv").toString(), "--json");
    JsonNode report = new ObjectMapper().readTree(out.toString());
    out.getBuffer().setLength(0);
    int shown = run("show", "--data-dir", dataDir.toString());
    String show = out.toString();
    out.getBuffer().setLength(0);
    int split = run("split", "--data-dir", dataDir.toString(), "--seed", "3", "--fractions", "0.5,0.25,0.25");

    assertThat(registered).isZero();
    assertThat(report.get("patients").asInt()).isEqualTo(6);
    assertThat(report.get("rejected")).isEmpty();
    assertThat(err.toString()).contains("scanned").contains("registered in");
    assertThat(shown).isZero();
    assertThat(show).contains(report.get("fingerprint").asText()).contains("6 patients");
    assertThat(split).isZero();
    assertThat(out.toString()).contains("seed 3").containsPattern("train +3 patients");
  }

  @Test
  void failsWithAOneLineReasonAndKeepsNothingWhenTheRootIsMissing() {
    int exit = run("register", "--data-dir", dataDir.toString(), "--root", dataDir.resolve("absent").toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().strip()).startsWith("register: dataset root").endsWith("is not a folder")
        .doesNotContain("\n");
    assertThat(new DatasetIndexStore(dataDir).indexFile()).doesNotExist();
  }

  @Test
  void showFailsClearlyWhenNothingIsRegistered() {
    int exit = run("show", "--data-dir", dataDir.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("no dataset registered in").contains("node dataset register");
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new DatasetCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
