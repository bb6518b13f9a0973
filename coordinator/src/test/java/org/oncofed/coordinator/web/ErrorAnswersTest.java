package org.oncofed.coordinator.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.coordinator.RunningCoordinator;

/**
 * Every error of the REST API, whether an OncoFed rule or the framework answers it, has the one
 * documented body: {@code status}, {@code message}, at least one entry in {@code errors} (naming
 * the field where there is one) and no {@code errorId} below 500. (5xx answers: {@link AtomicCreationTest};
 * 401: {@link RestRefusalsTest}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorAnswersTest {

  /** Small enough to exceed in a test; the JSON limit of {@link RequestBodies} stays below it. */
  private static final int MAX_REQUEST_BYTES = 4 << 20;

  private RunningCoordinator coordinator;
  private Map<String, Credential> callers;

  @BeforeAll
  void startCoordinator(@TempDir Path dir) {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    callers = Map.of(
        "researcher", pki.addUser("rita", Role.RESEARCHER),
        "auditor", pki.addUser("audrey", Role.AUDITOR),
        "node", pki.addSite("north"));
    coordinator = RunningCoordinator.start(pki, dir.resolve("data"),
        Map.of("micronaut.server.max-request-size", MAX_REQUEST_BYTES));
  }

  @AfterAll
  void stopCoordinator() {
    coordinator.close();
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        error(400, "an incomplete configuration", "researcher", "POST", "/api/experiments", "application/json", "{}",
            "model"),
        error(400, "a query parameter of the wrong type", "auditor", "GET", "/api/audit/events?round=two", null, "",
            "round"),
        error(400, "a query parameter out of range", "auditor", "GET", "/api/audit/events?limit=0", null, "", null),
        error(403, "a role the endpoint is not for", "node", "GET", "/api/experiments", null, "", null),
        error(404, "an unknown experiment", "researcher", "GET", "/api/experiments/no-such-experiment", null, "", null),
        error(404, "no endpoint", "researcher", "GET", "/api/no-such-endpoint", null, "", null),
        error(405, "a method the endpoint does not take", "researcher", "DELETE", "/api/experiments", null, "", null),
        error(413, "a JSON body over the JSON limit", "researcher", "POST", "/api/experiments", "application/json",
            " ".repeat(RequestBodies.MAX_JSON_BYTES + 1), null),
        error(413, "a body over the server's limit", "researcher", "PUT", "/api/experiments/any/initial-model",
            "application/octet-stream", "0".repeat(MAX_REQUEST_BYTES + 1), null),
        error(415, "text where JSON belongs", "researcher", "POST", "/api/experiments", "text/plain", "{}", null),
        error(415, "JSON where weights belong", "researcher", "PUT", "/api/experiments/any/initial-model",
            "application/json", "{}", null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("errors")
  void answersInTheApiErrorShape(int status, String what, String caller, String method, String path,
      String contentType, String body, String field) throws Exception {
    HttpResponse<String> response = coordinator.send(callers.get(caller), method, path, contentType,
        body.getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    JsonNode error = CanonicalJson.parse(response.body());
    assertThat(error.path("status").asInt()).isEqualTo(status);
    assertThat(error.path("message").asText()).as(response.body()).isNotBlank().doesNotContain("Exception");
    assertThat(error.path("errors").size()).as(response.body()).isPositive();
    assertThat(error.hasNonNull("errorId")).as(response.body()).isFalse();
    if (field != null) {
      assertThat(error.path("errors").findValuesAsText("field")).as(response.body()).contains(field);
    }
  }

  private static Arguments error(int status, String what, String caller, String method, String path,
      String contentType, String body, String field) {
    return Arguments.of(status, what, caller, method, path, contentType, body, field);
  }
}
