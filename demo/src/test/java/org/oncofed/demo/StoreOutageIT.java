package org.oncofed.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.common.audit.AuditVerdict;

/**
 * The coordinator's PostgreSQL taken away in the middle of a round, longer than a call waits for a
 * connection: calls made meanwhile fail with a plain reason (nodes send their results again), the
 * coordinator keeps running (the same process), and once the database is back the experiment goes
 * on from what was committed and completes, with an audit that verifies against every site's
 * ledger. Needs a test database ({@code ONCOFED_TEST_POSTGRES_URL}, {@code _USER}, {@code
 * _PASSWORD}) and the command that stops and restarts its server ({@code
 * ONCOFED_TEST_POSTGRES_RESTART}); CI provides both.
 */
class StoreOutageIT {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  @Test
  @Timeout(900)
  void experimentSurvivesItsDatabaseRestartingWithoutACoordinatorRestart(@TempDir Path work) throws Exception {
    String url = System.getenv("ONCOFED_TEST_POSTGRES_URL");
    String restart = System.getenv("ONCOFED_TEST_POSTGRES_RESTART");
    Assumptions.assumeTrue(url != null && restart != null, "PostgreSQL outage run skipped: set "
        + "ONCOFED_TEST_POSTGRES_URL (and _USER, _PASSWORD) to a test database and ONCOFED_TEST_POSTGRES_RESTART "
        + "to the command that restarts its server");
    String user = System.getenv().getOrDefault("ONCOFED_TEST_POSTGRES_USER", "oncofed");
    String password = System.getenv().getOrDefault("ONCOFED_TEST_POSTGRES_PASSWORD", "");
    String schema = "oncofed_outage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
        .toLowerCase(Locale.ROOT);
    try (var connection = DriverManager.getConnection(url, user, password); var statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
    try (FaultSuite suite = FaultSuite.start(work.resolve("outage"), TIMEOUT,
        federation -> federation.postgres(url, schema, user, password))) {
      long pid = suite.federation().coordinator().pid();
      FaultRun.Result run = suite.run("database restart", List.of(new FaultRun.Fault("database restart",
          ExperimentPhase.TRAINING, Duration.ZERO, () -> {
            Process process = new ProcessBuilder("sh", "-c", restart).inheritIO().start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("restarting PostgreSQL: " + restart).isTrue();
            assertThat(process.exitValue()).as("exit code of " + restart).isZero();
          })));
      AuditVerdict audit = run.audit();
      System.out.println("faults: " + run.faults() + "; " + audit.summary());

      assertThat(suite.federation().coordinator().pid()).as("the same coordinator process").isEqualTo(pid);
      assertThat(suite.federation().coordinator().isAlive()).isTrue();
      assertThat(run.completed()).as(run.status()).isTrue();
      assertThat(run.updates().lost()).isZero();
      assertThat(audit.valid()).as(audit.summary()).isTrue();
      assertThat(Files.readString(suite.federation().work().resolve("logs/coordinator.log")))
          .as("calls made while the database was away failed, and said why")
          .contains("the database is unavailable");
    } finally {
      try (var connection = DriverManager.getConnection(url, user, password);
          var statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }
}
