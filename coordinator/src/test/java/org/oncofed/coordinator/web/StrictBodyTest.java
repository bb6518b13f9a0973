package org.oncofed.coordinator.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * {@code POST /api/experiments} over real mutual TLS reads its body without guessing: wrong JSON
 * types, anything after the document, non-finite numbers and broken text are refused, each naming
 * the field at fault and saying what was expected and what was found; and nothing is created.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictBodyTest {

  private static final String VALID = ExperimentApiTest.VALID_CONFIG;

  private RunningCoordinator coordinator;
  private Credential rita;

  @BeforeAll
  void startCoordinator(@TempDir Path dir) {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    rita = pki.addUser("rita", Role.RESEARCHER);
    coordinator = RunningCoordinator.start(pki, dir.resolve("data"));
  }

  @AfterAll
  void stopCoordinator() {
    coordinator.close();
  }

  static Stream<Arguments> refusedBodies() {
    return Stream.of(
        refused("text where a flag belongs", with("\"learningRate\": 0.001", "\"learningRate\": 0.001, \"augment\": \"yes\""),
            "training.augment", "expected true or false, found the text \"yes\""),
        refused("a number where a flag belongs", with("\"minNodes\": 2", "\"minNodes\": 2, \"localBaselines\": 1"),
            "localBaselines", "expected true or false, found 1"),
        refused("a fraction where a count belongs", with("\"rounds\": 3", "\"rounds\": 2.5"),
            "rounds", "expected a whole number, found 2.5"),
        refused("a decimal point in a count", with("\"rounds\": 3", "\"rounds\": 3.0"),
            "rounds", "expected a whole number, found 3.0"),
        refused("text where a count belongs", with("\"rounds\": 3", "\"rounds\": \"3\""),
            "rounds", "expected a whole number, found the text \"3\""),
        refused("a count beyond 32 bits", with("\"rounds\": 3", "\"rounds\": 30000000000"),
            "rounds", "expected a whole number from -2147483648 to 2147483647, found 30000000000"),
        refused("text where a number belongs", with("\"learningRate\": 0.001", "\"learningRate\": \"0.001\""),
            "training.learningRate", "expected a number, found the text \"0.001\""),
        refused("a number where text belongs", with("\"minNodes\": 2", "\"minNodes\": 2, \"sites\": [\"north\", 3]"),
            "sites[1]", "expected text, found 3"),
        refused("null in a list", with("\"minNodes\": 2", "\"minNodes\": 2, \"sites\": [\"north\", null]"),
            "sites[1]", "expected text, found null"),
        refused("text where a strategy setting belongs",
            with("\"minNodes\": 2", "\"minNodes\": 2, \"strategy\": {\"name\": \"fedadam\", \"settings\": {\"eta\": \"0.1\"}}"),
            "strategy.settings.eta", "expected a number, found the text \"0.1\""),
        refused("a list where an object belongs", with("\"rounds\": 3", "\"rounds\": 3, \"privacy\": []"),
            "privacy", "expected an object, found a list"),
        refused("NaN", with("\"learningRate\": 0.001", "\"learningRate\": 0.001, \"windowWidth\": NaN"),
            "training.windowWidth", "expected a finite number, found NaN"),
        refused("Infinity", with("\"learningRate\": 0.001", "\"learningRate\": Infinity"),
            "training.learningRate", "expected a finite number, found Infinity"),
        refused("minus Infinity in a strategy setting", with("\"minNodes\": 2",
            "\"minNodes\": 2, \"strategy\": {\"name\": \"fedavg\", \"settings\": {\"maxDeltaNorm\": -Infinity}}"),
            "strategy.settings.maxDeltaNorm", "expected a finite number, found -Infinity"),
        refused("a number that overflows to infinity", with("\"learningRate\": 0.001",
            "\"learningRate\": 0.001, \"windowCenter\": 1e400"),
            "training.windowCenter", "expected a finite number, found 1E+400 (beyond the range of a double)"),
        refused("a whole number that overflows to infinity", with("\"learningRate\": 0.001",
            "\"learningRate\": 0.001, \"weightDecay\": 1" + "0".repeat(400)),
            "training.weightDecay", "(beyond the range of a double)"),
        refused("text after the document", VALID + " garbage", null,
            "expected the body to end after the JSON document, found more (line 2, column"),
        refused("a second document", VALID + "{}", null, "expected the body to end after the JSON document"),
        refused("a repeated key", with("\"rounds\": 3", "\"rounds\": 3, \"rounds\": 4"), "rounds", "Duplicate field 'rounds'"),
        refused("an unpaired surrogate", with("\"lung nodules\"", "\"lung \\ud800 nodules\""),
            "name", "expected valid Unicode text, found an unpaired surrogate \\uD800 at character 6"),
        refused("a control character in the name", with("\"lung nodules\"", "\"lung\\u0000nodules\""),
            "name", "must not contain control characters, found \"lung\\u0000nodules\""),
        refused("an empty body", "", null, "expected a JSON object, found an empty body"),
        refused("a list instead of a configuration", "[]", null, "expected an object, found a list"),
        refused("a form instead of JSON", "name=lung", null, "Unrecognized token 'name'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedBodies")
  void refusesNamingTheFieldWithWhatWasExpectedAndFound(String what, String body, String field, String message)
      throws Exception {
    HttpResponse<String> response = coordinator.post(rita, "/api/experiments", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = CanonicalJson.parse(response.body()).path("errors").get(0);
    assertThat(error.path("field").isNull() ? null : error.path("field").asText()).as(response.body()).isEqualTo(field);
    assertThat(error.path("message").asText()).as(response.body()).contains(message);
    assertThat(experimentCount()).isZero();
  }

  @Test
  void refusesBytesThatAreNotUtf8() throws Exception {
    byte[] body = VALID.replace("lung nodules", "lung XX nodules").getBytes(StandardCharsets.UTF_8);
    int at = VALID.indexOf("lung nodules") + 5;
    body[at] = (byte) 0xff;
    body[at + 1] = (byte) 0xfe;

    HttpResponse<String> response = coordinator.send(rita, "POST", "/api/experiments", "application/json", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("Invalid UTF-8");
    assertThat(experimentCount()).isZero();
  }

  @Test
  void refusesJsonBodiesLargerThanAMebibyteWith413() throws Exception {
    String padded = VALID.replace("\"rounds\": 3", "\"rounds\": 3" + " ".repeat(RequestBodies.MAX_JSON_BYTES));

    HttpResponse<String> response = coordinator.post(rita, "/api/experiments", padded);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(CanonicalJson.parse(response.body()).path("message").asText())
        .contains(String.valueOf(RequestBodies.MAX_JSON_BYTES), String.valueOf(padded.length()));
  }

  private int experimentCount() throws Exception {
    return CanonicalJson.parse(coordinator.get(rita, "/api/experiments").body()).size();
  }

  private static String with(String original, String replacement) {
    if (!VALID.contains(original)) {
      throw new IllegalArgumentException("the valid configuration holds no " + original);
    }
    return VALID.replace(original, replacement);
  }

  private static Arguments refused(String what, String body, String field, String message) {
    return Arguments.of(what, body, field, message);
  }
}
