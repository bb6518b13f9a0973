package org.oncofed.coordinator.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.coordinator.RunningCoordinator;
import org.oncofed.coordinator.TrailEvents;
import org.oncofed.coordinator.experiment.ExperimentRepository;
import org.oncofed.coordinator.model.ModelRepository;

/**
 * Creating an experiment is all or nothing. When the database fails halfway (here a trigger
 * refuses the audit event, the last of the writes), the answer is a 500 that carries an error id
 * and nothing of the cause, and no experiment, model record, model file or event is left behind.
 * Every experiment that was created has its {@code EXPERIMENT_CREATED} event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtomicCreationTest {


  private Path dataDir;
  private RunningCoordinator coordinator;
  private Credential rita;
  private Credential unlucky;
  private TrailEvents trail;

  @BeforeAll
  void startCoordinatorWithAFailingAuditInsert(@TempDir Path dir) {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    rita = pki.addUser("rita", Role.RESEARCHER);
    unlucky = pki.addUser(FailingAuditInsert.ACTOR, Role.RESEARCHER);
    dataDir = dir.resolve("data");
    coordinator = RunningCoordinator.start(pki, dataDir);
    trail = new TrailEvents(coordinator, pki.addUser("audrey", Role.AUDITOR));
    @SuppressWarnings("unchecked")
    TransactionOperations<Connection> transactions = coordinator.context().getBean(TransactionOperations.class);
    transactions.executeWrite(status -> {
      try (Statement statement = status.getConnection().createStatement()) {
        statement.execute("CREATE TRIGGER failing_audit_insert BEFORE INSERT ON audit_event FOR EACH ROW CALL '"
            + FailingAuditInsert.class.getName() + "'");
      }
      return null;
    });
  }

  @AfterAll
  void stopCoordinator() {
    coordinator.close();
  }

  @Test
  void aCreationThatFailsHalfwayLeavesNothingBehind() throws Exception {
    long experiments = coordinator.context().getBean(ExperimentRepository.class).count();
    long models = coordinator.context().getBean(ModelRepository.class).count();
    int events = trail.ofType("EXPERIMENT_CREATED").size();
    Set<Path> files = modelFiles();

    HttpResponse<String> response = coordinator.post(unlucky, "/api/experiments", withSeed(987_654_321));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
    JsonNode error = CanonicalJson.parse(response.body());
    assertThat(error.path("status").asInt()).isEqualTo(500);
    assertThat(error.path("errorId").asText()).matches("[0-9a-f]{16}");
    assertThat(error.path("message").asText()).contains(error.path("errorId").asText());
    assertThat(response.body()).doesNotContain(FailingAuditInsert.FAILURE, "audit_event", "SQL", "Exception",
        "org.h2", "at org.");
    assertThat(coordinator.context().getBean(ExperimentRepository.class).count()).isEqualTo(experiments);
    assertThat(coordinator.context().getBean(ModelRepository.class).count()).isEqualTo(models);
    assertThat(trail.ofType("EXPERIMENT_CREATED")).hasSize(events);
    assertThat(modelFiles()).isEqualTo(files);
  }

  @Test
  void theSameConfigurationSucceedsOnceTheDatabaseDoes() throws Exception {
    assertThat(coordinator.post(unlucky, "/api/experiments", withSeed(987_654_322)).statusCode()).isEqualTo(500);

    HttpResponse<String> response = coordinator.post(rita, "/api/experiments", withSeed(987_654_322));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String initialModel = CanonicalJson.parse(response.body()).path("initialModel").asText();
    assertThat(modelFiles()).anyMatch(file -> file.getFileName().toString().equals(initialModel + ".f32"));
  }

  @Test
  void everyCreatedExperimentHasItsCreationEvent() throws Exception {
    for (int i = 0; i < 3; i++) {
      JsonNode created = CanonicalJson.parse(coordinator.post(rita, "/api/experiments",
          ExperimentApiTest.VALID_CONFIG.replace("lung nodules", "lung nodules " + i)).body());
      String id = created.path("id").asText();

      JsonNode event = trail.await("EXPERIMENT_CREATED", e -> e.path("experimentId").asText().equals(id));

      assertThat(event.path("actor").asText()).isEqualTo("rita");
      assertThat(event.path("details").path("configurationSha256").asText())
          .isEqualTo(created.path("configSha256").asText());
      assertThat(event.path("details").path("initialModelSha256").asText())
          .isEqualTo(created.path("initialModel").asText());
    }
  }

  /** A configuration whose initial model no other test builds, so that its file is new. */
  private static String withSeed(long seed) {
    return ExperimentApiTest.VALID_CONFIG.replace("\"inputSize\": 64}", "\"inputSize\": 64, \"seed\": " + seed + "}");
  }

  private Set<Path> modelFiles() throws IOException {
    Path models = dataDir.resolve("models");
    if (!Files.isDirectory(models)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.walk(models)) {
      return files.filter(Files::isRegularFile).collect(Collectors.toSet());
    }
  }
}
