package org.oncofed.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The main job, end to end and small: real processes, real mTLS on loopback, FedAvg rounds,
 * baselines, the report, a verified audit trail and a clean stop.
 */
class DemoIT {

  @Test
  @Timeout(300)
  void quickDemoRunsAWholeExperimentAndStopsCleanly(@TempDir Path work) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exitCode;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exitCode = new CommandLine(new DemoCommand()).execute("--quick", "--work", work.resolve("demo").toString());
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    System.out.println(output);

    assertThat(exitCode).isZero();
    assertThat(output).contains("3/3 connected over mTLS", "round 1 aggregated", "round 2 aggregated",
        "federated (round", "local-only northshore", "local-only riverside", "local-only lakeside",
        "report: ", "all stopped cleanly");
    assertThat(output).contains("Best global model released to the registry as");
    assertThat(output).containsPattern("VALID: \\d+ events, \\d+ checkpoints? signed by CN=coordinator");
    assertThat(output).contains("ledger of site northshore agrees", "ledger of site riverside agrees",
        "ledger of site lakeside agrees");
    assertThat(output).contains("site approval is on; each site's policy pre-approves plans by demo-researcher");
    for (String site : DemoCommand.SITES) {
      assertThat(output).containsPattern(site + "\\s+yes");
      assertThat(output).containsPattern(site + "\\s+epsilon infinite at delta 1.0E-5, no max-epsilon; plan approved");
    }
  }
}
