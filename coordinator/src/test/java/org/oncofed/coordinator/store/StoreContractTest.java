package org.oncofed.coordinator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.oncofed.api.ExperimentStatus;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.common.SiteId;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.hash.Sha256;
import org.oncofed.coordinator.RunningCoordinator;
import org.oncofed.coordinator.audit.AuditTrail;
import org.oncofed.coordinator.experiment.ExperimentRecord;
import org.oncofed.coordinator.experiment.ExperimentRepository;
import org.oncofed.coordinator.round.RoundRecord;
import org.oncofed.coordinator.round.RoundRepository;
import org.oncofed.coordinator.round.RoundStatus;
import org.oncofed.coordinator.task.TaskKind;
import org.oncofed.coordinator.task.TaskRecord;
import org.oncofed.coordinator.task.TaskRepository;
import org.oncofed.coordinator.task.TaskStatus;

/**
 * One contract, every supported database: the embedded H2 store always, and PostgreSQL when
 * {@code ONCOFED_TEST_POSTGRES_URL} (with {@code ..._USER} and {@code ..._PASSWORD}) names a
 * server. The coordinator's own migrations create the schema in each.
 */
class StoreContractTest {

  static Stream<Arguments> stores() {
    return Stream.of(Arguments.of("h2"), Arguments.of("postgresql"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void storesAndUpdatesExperimentsRoundsTasksAndTheAuditTrail(String store, @TempDir Path dir) throws Exception {
    Map<String, Object> settings = settings(store);
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    var auditor = pki.addUser("aud", Role.AUDITOR);
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, dir.resolve("data"), settings)) {
      var experiments = coordinator.context().getBean(ExperimentRepository.class);
      var rounds = coordinator.context().getBean(RoundRepository.class);
      var tasks = coordinator.context().getBean(TaskRepository.class);
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      String id = UUID.randomUUID().toString();
      String model = Sha256.hex("model");

      experiments.save(new ExperimentRecord(id, "contract", "rhea", now, "{}", Sha256.hex("{}"),
          ExperimentStatus.CREATED, null, null, null, 0, model, null, null, null));
      assertThat(experiments.markStarted(id, now)).isEqualTo(1);
      assertThat(experiments.markStarted(id, now)).as("only a CREATED experiment starts").isZero();
      experiments.setCurrentRound(id, 1);
      experiments.setBest(id, Sha256.hex("next"), 1, 0.75);
      ExperimentRecord stored = experiments.findById(id).orElseThrow();
      assertThat(stored.status()).isEqualTo(ExperimentStatus.RUNNING);
      assertThat(stored.startedAt()).isEqualTo(now);
      assertThat(stored.currentRound()).isEqualTo(1);
      assertThat(stored.bestScore()).isEqualTo(0.75);
      assertThat(experiments.findByStatus(ExperimentStatus.RUNNING)).extracting(ExperimentRecord::id).contains(id);

      RoundRecord round = rounds.save(new RoundRecord(UUID.randomUUID().toString(), id, 1, RoundStatus.OPEN, now,
          now.plusSeconds(60), null, model, null, "alpha,bravo", null, null, null, null, null));
      assertThat(rounds.currentModel(id, model)).as("before any aggregation").isEqualTo(model);
      rounds.aggregated(round.id(), now, Sha256.hex("next"), 0.5, "c3RhdGU=");
      rounds.validated(round.id(), now, 0.75);
      RoundRecord aggregated = rounds.findByExperimentIdAndRoundNo(id, 1).orElseThrow();
      assertThat(aggregated.status()).isEqualTo(RoundStatus.AGGREGATED);
      assertThat(aggregated.strategyState()).isEqualTo("c3RhdGU=");
      assertThat(aggregated.validatedAt()).isEqualTo(now);
      assertThat(aggregated.validationScore()).isEqualTo(0.75);
      assertThat(rounds.currentModel(id, model)).isEqualTo(Sha256.hex("next"));

      TaskRecord task = tasks.save(new TaskRecord(UUID.randomUUID().toString(), id, 1, "alpha", TaskKind.TRAIN, model,
          null, TaskStatus.ASSIGNED, now, now.plusSeconds(60), null, null, null, null, null));
      assertThat(tasks.complete(task.taskId(), now, 30L, Sha256.hex("update"), "{\"train_loss\":1.0}")).isEqualTo(1);
      assertThat(tasks.close(task.taskId(), TaskStatus.EXPIRED, now, "late")).as("first answer wins").isZero();
      assertThat(tasks.existsByExperimentIdAndResultSha256(id, Sha256.hex("update"))).isTrue();
      assertThat(tasks.existsByExperimentIdAndResultSha256("another", Sha256.hex("update"))).isFalse();

      AuditTrail audit = coordinator.context().getBean(AuditTrail.class);
      audit.record(AuditEventType.UPDATE_ACCEPTED, "alpha", id, 1, SiteId.of("alpha"),
          Map.of("taskId", task.taskId(), "updateSha256", Sha256.hex("update"), "sampleCount", 30));
      audit.checkpoint("contract test");
      String verdict = coordinator.get(auditor, "/api/audit/verify").body();
      assertThat(verdict).contains("\"valid\":true");
    }
  }

  private static Map<String, Object> settings(String store) throws Exception {
    Map<String, Object> settings = new HashMap<>();
    if (store.equals("h2")) {
      return settings;
    }
    String url = System.getenv("ONCOFED_TEST_POSTGRES_URL");
    Assumptions.assumeTrue(url != null,
        "PostgreSQL contract run skipped: set ONCOFED_TEST_POSTGRES_URL (and _USER, _PASSWORD) to a test database");
    String user = System.getenv().getOrDefault("ONCOFED_TEST_POSTGRES_USER", "oncofed");
    String password = System.getenv().getOrDefault("ONCOFED_TEST_POSTGRES_PASSWORD", "");
    try (var connection = DriverManager.getConnection(url, user, password); var statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS oncofed_contract CASCADE");
      statement.execute("CREATE SCHEMA oncofed_contract");
    }
    settings.put("datasources.default.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=oncofed_contract");
    settings.put("datasources.default.username", user);
    settings.put("datasources.default.password", password);
    settings.put("datasources.default.driver-class-name", "org.postgresql.Driver");
    settings.put("datasources.default.dialect", "POSTGRES");
    return settings;
  }
}
