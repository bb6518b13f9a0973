package org.oncofed.coordinator.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.coordinator.RunningCoordinator;

/**
 * The experiment API over real mutual TLS: creation, validation answers that name the field, who may
 * read and who may change an experiment, and the OpenAPI description.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExperimentApiTest {

  static final String VALID_CONFIG = """
      {"name": "lung nodules", "model": {"architecture": "small-cnn", "inputSize": 64},
       "training": {"epochs": 1, "batchSize": 8, "learningRate": 0.001}, "rounds": 3, "minNodes": 2}""";

  private DevPki pki;
  private RunningCoordinator coordinator;
  private Credential rita;
  private Credential omar;
  private Credential auditor;
  private Credential admin;

  @BeforeAll
  void startCoordinator(@TempDir Path dir) {
    pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    rita = pki.addUser("rita", Role.RESEARCHER);
    omar = pki.addUser("omar", Role.RESEARCHER);
    auditor = pki.addUser("audrey", Role.AUDITOR);
    admin = pki.addUser("ada", Role.ADMIN);
    coordinator = RunningCoordinator.start(pki, dir.resolve("data"));
  }

  @AfterAll
  void stopCoordinator() {
    coordinator.close();
  }

  @Test
  void createsExperimentWithTheHashOfItsInitialModel() throws Exception {
    HttpResponse<String> response = post(rita, "/api/experiments", VALID_CONFIG);

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode created = CanonicalJson.parse(response.body());
    assertThat(created.path("status").asText()).isEqualTo("CREATED");
    assertThat(created.path("createdBy").asText()).isEqualTo("rita");
    assertThat(created.path("initialModel").asText()).matches("[0-9a-f]{64}");
    assertThat(created.path("config").path("strategy").path("name").asText()).isEqualTo("fedavg");
    JsonNode fetched = CanonicalJson.parse(get(auditor, "/api/experiments/" + created.path("id").asText()).body());
    assertThat(fetched.path("initialModel").asText()).isEqualTo(created.path("initialModel").asText());
  }

  static Stream<Arguments> invalidConfigurations() {
    return Stream.of(
        invalid("missing name", config -> config.remove("name"), "name", "required"),
        invalid("zero rounds", config -> config.put("rounds", 0), "rounds",
            "must be greater than or equal to 1, found 0"),
        invalid("unknown architecture", config -> model(config).put("architecture", "vgg-huge"), "model.architecture",
            "unknown architecture 'vgg-huge'"),
        invalid("input below small-cnn's range", config -> model(config).put("inputSize", 16), "model.inputSize",
            "expected 32 to 256 px"),
        invalid("input beyond small-cnn's range", config -> model(config).put("inputSize", 512), "model.inputSize",
            "expected 32 to 256 px"),
        invalid("two channels", config -> model(config).put("channels", 2), "model.channels",
            "expected 1 (grey) or 3 (grey replicated for 3-channel backbones), found 2"),
        invalid("a window narrower than one HU", config -> training(config).put("windowWidth", 0.5),
            "training.windowWidth", "must be greater than or equal to 1, found 0.5"),
        invalid("unknown normalisation", config -> training(config).put("normalisation", "imagenet"),
            "training.normalisation", "unknown normalisation 'imagenet': expected one of [window, min-max, "
                + "histogram-equalisation, z-score]"),
        invalid("unknown resize policy", config -> training(config).put("resizePolicy", "stretch"),
            "training.resizePolicy", "unknown resize policy 'stretch': expected one of [aspect, physical]"),
        invalid("physical resize without a pixel size", config -> training(config).put("resizePolicy", "physical"),
            "training.pixelSpacingMm", "the physical resize policy resamples to a pixel size in mm, so it needs one"),
        invalid("a pixel size the aspect resize ignores", config -> training(config).put("pixelSpacingMm", 0.7),
            "training.pixelSpacingMm", "only the physical resize policy uses a pixel size"),
        invalid("neighbouring slices in one channel", config -> training(config).put("neighbourSlices", true),
            "training.neighbourSlices", "so the model needs 3 channels; found 1"),
        invalid("oversampling with a class-weighted loss", config -> training(config).put("oversample", true),
            "training.oversample", "oversampling and classWeightedLoss both counter class imbalance"),
        invalid("patience without a hold-out", config -> training(config).put("patience", 2),
            "training.patience", "so holdoutFraction must be positive; found patience 2 with holdoutFraction 0"),
        invalid("a hold-out of more than half", config -> training(config).put("holdoutFraction", 0.6),
            "training.holdoutFraction", "must be less than or equal to 0.5, found 0.6"),
        invalid("unknown strategy", config -> config.putObject("strategy").put("name", "fedprox"), "strategy.name",
            "unknown aggregation strategy 'fedprox'"),
        invalid("unknown strategy setting", config -> strategy(config, "fedavg").put("trim", 0.1),
            "strategy.settings.trim", "unknown setting 'trim' for fedavg"),
        invalid("trim fraction of a half or more", config -> strategy(config, "trimmed-mean").put("trimFraction", 0.5),
            "strategy.settings.trimFraction", "trim fraction must be in [0, 0.5), found 0.5"),
        invalid("a Krum f the quorum cannot support", config -> strategy(config, "krum").put("f", 1), "minNodes",
            "krum with settings {f=1.0} needs at least 5 updates per round, so minNodes must be at least 5; found 2"),
        invalid("a Krum f that is not a count", config -> strategy(config, "fedadam+krum").put("f", 0.5),
            "strategy.settings.f", "setting 'f' of krum must be a whole number in [0, 100], found 0.5"),
        invalid("unknown property", config -> training(config).put("learningRat", 0.1), "training.learningRat",
            "unknown property 'learningRat' in training; accepted: epochs, batchSize"),
        invalid("unknown top-level property", config -> config.put("round", 5), "round",
            "unknown property 'round' in the request"),
        invalid("text where a number belongs", config -> config.put("minNodes", "two"), "minNodes",
            "expected a whole number, found the text \"two\""),
        invalid("noise without clip norm", config -> config.putObject("privacy").put("noiseMultiplier", 1.0),
            "privacy.noiseMultiplier", "privacy.clipNorm must be positive"),
        invalid("unknown early-stopping metric",
            config -> config.putObject("earlyStopping").put("metric", "loss").put("patience", 2),
            "earlyStopping.metric", "unknown metric 'loss'"),
        invalid("a site id that no certificate can carry", config -> config.putArray("sites").add("North_Shore"),
            "sites[0]", "invalid site id 'North_Shore'"),
        invalid("a site listed twice", config -> config.putArray("sites").add("north").add("south").add("north"),
            "sites[2]", "site 'north' is already listed at sites[0]"),
        invalid("more allowed sites than can be stored", config -> {
          var sites = config.putArray("sites");
          IntStream.range(0, 1001).forEach(i -> sites.add("site-" + i));
        }, "sites", "size must be between 0 and 1000, found a list of 1001"),
        invalid("a quorum the allowed sites cannot meet", config -> config.putArray("sites").add("north"), "minNodes",
            "quorum of 2 cannot be met by the 1 allowed sites"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidConfigurations")
  void rejectsInvalidConfigurationNamingTheField(String what, String body, String field, String message)
      throws Exception {
    HttpResponse<String> response = post(rita, "/api/experiments", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = CanonicalJson.parse(response.body());
    assertThat(error.path("errors").findValuesAsText("field")).as(response.body()).containsExactly(field);
    assertThat(error.path("errors").get(0).path("message").asText()).as(response.body()).contains(message);
  }

  @Test
  void acceptsTheLimitsEveryNodeAccepts() throws Exception {
    ObjectNode config = (ObjectNode) CanonicalJson.parse(VALID_CONFIG);
    model(config).put("inputSize", 32).put("channels", 3);
    training(config).put("epochs", 100).put("batchSize", 4096).put("learningRate", 10).put("weightDecay", 1)
        .put("windowCenter", -2000).put("windowWidth", 1);

    HttpResponse<String> response = post(rita, "/api/experiments", config.toString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode training = CanonicalJson.parse(response.body()).path("config").path("training");
    assertThat(training.path("windowWidth").asDouble()).isEqualTo(1.0);
    assertThat(training.path("learningRate").asDouble()).isEqualTo(10.0);
  }

  @Test
  void nodeCertificateIsForbidden() throws Exception {
    Credential site = pki.addSite("curious-site");

    assertThat(get(site, "/api/experiments").statusCode()).isEqualTo(403);
    assertThat(post(site, "/api/experiments", VALID_CONFIG).statusCode()).isEqualTo(403);
  }

  @Test
  void auditorMayReadButNotCreate() throws Exception {
    String id = create(rita);

    assertThat(get(auditor, "/api/experiments").statusCode()).isEqualTo(200);
    assertThat(get(auditor, "/api/experiments/" + id).statusCode()).isEqualTo(200);
    assertThat(get(auditor, "/api/experiments/" + id + "/report").statusCode()).isEqualTo(200);
    assertThat(post(auditor, "/api/experiments", VALID_CONFIG).statusCode()).isEqualTo(403);
    assertThat(post(auditor, "/api/experiments/" + id + "/cancel", "").statusCode()).isEqualTo(403);
  }

  @Test
  void anotherResearcherMayNeitherStartNorCancel() throws Exception {
    String id = create(rita);

    HttpResponse<String> start = post(omar, "/api/experiments/" + id + "/start", "");
    HttpResponse<String> cancel = post(omar, "/api/experiments/" + id + "/cancel", "");

    assertThat(start.statusCode()).isEqualTo(403);
    assertThat(start.body()).contains("belongs to rita");
    assertThat(cancel.statusCode()).isEqualTo(403);
    assertThat(status(id)).isEqualTo("CREATED");
  }

  @Test
  void creatorCancelsACreatedExperiment() throws Exception {
    String id = create(rita);

    HttpResponse<String> cancel = post(rita, "/api/experiments/" + id + "/cancel", "");

    assertThat(cancel.statusCode()).isEqualTo(200);
    assertThat(CanonicalJson.parse(cancel.body()).path("status").asText()).isEqualTo("CANCELLED");
    HttpResponse<String> again = post(rita, "/api/experiments/" + id + "/cancel", "");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(CanonicalJson.parse(again.body()).path("errors").findValuesAsText("field")).containsExactly("status");
  }

  @Test
  void adminCancelsSomeoneElsesExperiment() throws Exception {
    String id = create(rita);

    assertThat(post(admin, "/api/experiments/" + id + "/cancel", "").statusCode()).isEqualTo(200);
    assertThat(status(id)).isEqualTo("CANCELLED");
  }

  @Test
  void creatorStartsAndThenCancelsARunningExperiment() throws Exception {
    String id = create(rita);

    HttpResponse<String> start = post(rita, "/api/experiments/" + id + "/start", "");
    assertThat(start.statusCode()).isEqualTo(200);
    assertThat(CanonicalJson.parse(start.body()).path("status").asText()).isEqualTo("RUNNING");
    assertThat(post(rita, "/api/experiments/" + id + "/cancel", "").statusCode()).isEqualTo(200);

    awaitStatus(id, "CANCELLED");
  }

  @Test
  void unknownExperimentIsNotFound() throws Exception {
    HttpResponse<String> response = get(rita, "/api/experiments/no-such-experiment");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(CanonicalJson.parse(response.body()).path("message").asText()).contains("no-such-experiment");
    assertThat(post(rita, "/api/experiments/no-such-experiment/start", "").statusCode()).isEqualTo(404);
  }

  @Test
  void servesTheOpenApiDescription() throws Exception {
    HttpResponse<String> response = get(auditor, "/openapi/oncofed.yml");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .startsWith("openapi: 3.0")
        .contains("title: OncoFed coordinator", "/api/experiments/{id}/start", "/api/nodes", "ExperimentConfig:",
            "ApiError:");
  }

  private String create(Credential researcher) throws IOException, InterruptedException {
    HttpResponse<String> response = post(researcher, "/api/experiments", VALID_CONFIG);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return CanonicalJson.parse(response.body()).path("id").asText();
  }

  private String status(String id) throws IOException, InterruptedException {
    return CanonicalJson.parse(get(rita, "/api/experiments/" + id).body()).path("status").asText();
  }

  private void awaitStatus(String id, String expected) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!status(id).equals(expected) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(status(id)).isEqualTo(expected);
  }

  private HttpResponse<String> get(Credential credential, String path) throws IOException, InterruptedException {
    return coordinator.get(credential, path);
  }

  private HttpResponse<String> post(Credential credential, String path, String body)
      throws IOException, InterruptedException {
    return coordinator.httpClient(credential).send(
        HttpRequest.newBuilder(URI.create("https://localhost:" + coordinator.httpsPort() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Arguments invalid(String what, Consumer<ObjectNode> change, String field, String message) {
    ObjectNode config = (ObjectNode) CanonicalJson.parse(VALID_CONFIG);
    change.accept(config);
    return Arguments.of(what, config.toString(), field, message);
  }

  private static ObjectNode model(ObjectNode config) {
    return (ObjectNode) config.get("model");
  }

  private static ObjectNode training(ObjectNode config) {
    return (ObjectNode) config.get("training");
  }

  private static ObjectNode strategy(ObjectNode config, String name) {
    ObjectNode strategy = config.putObject("strategy").put("name", name);
    return strategy.putObject("settings");
  }
}
