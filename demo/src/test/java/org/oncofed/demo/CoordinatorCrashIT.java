package org.oncofed.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability contract, with real processes: the coordinator killed (SIGKILL) while updates are
 * being acknowledged, during validation, during the local baselines and during the final test of
 * one experiment, restarted each time on the same data. Nothing acknowledged is lost, the audit
 * export verifies against every site's ledger, and the experiment ends with the model of a
 * fault-free run, bit for bit. {@code ./oncofed chaos} runs the longer version.
 */
class CoordinatorCrashIT {

  @Test
  @Timeout(900)
  void killedAtEveryPhaseTheCoordinatorLosesNothingAndEndsAsIfUninterrupted(@TempDir Path work) throws Exception {
    try (FaultSuite suite = FaultSuite.start(work.resolve("faults"), Duration.ofMinutes(10))) {
      FaultRun.Result reference = suite.reference();
      assertThat(reference.completed()).as(reference.status()).isTrue();
      assertThat(reference.audit().valid()).as(reference.audit().summary()).isTrue();

      FaultRun.Result crashed = suite.run("four crashes", List.of(
          suite.coordinatorKill(ExperimentPhase.UPLOADS, Duration.ZERO),
          suite.coordinatorKill(ExperimentPhase.VALIDATION, Duration.ofMillis(200)),
          suite.coordinatorKill(ExperimentPhase.BASELINES, Duration.ofMillis(500)),
          suite.coordinatorKill(ExperimentPhase.FINAL_TEST, Duration.ZERO)));
      System.out.println("faults: " + crashed.faults() + "; updates acknowledged " + crashed.updates().acknowledged()
          + ", lost " + crashed.updates().lost() + "; audit: " + crashed.audit().summary());

      assertThat(crashed.faults()).noneMatch(fault -> fault.contains("not reached"));
      assertThat(crashed.completed()).as(crashed.status()).isTrue();
      assertThat(crashed.updates().acknowledged()).isPositive();
      assertThat(crashed.updates().lost()).isZero();
      assertThat(crashed.audit().valid()).as(crashed.audit().summary()).isTrue();
      assertThat(crashed.finalModel()).as("the fault-free run's model").isEqualTo(reference.finalModel());
    }
  }
}
