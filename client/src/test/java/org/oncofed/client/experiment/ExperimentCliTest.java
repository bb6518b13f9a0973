package org.oncofed.client.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.client.ClientCommand;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.hash.Sha256;
import org.oncofed.coordinator.RunningCoordinator;
import picocli.CommandLine;

/**
 * {@code experiment ...} end to end: the jar's command line against a running coordinator over
 * mutual TLS, exit codes and messages included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExperimentCliTest {

  private static final Pattern CREATED = Pattern.compile("created experiment ([0-9a-f-]{36})");

  private Path dir;
  private DevPki pki;
  private RunningCoordinator coordinator;
  private Credential rita;
  private Path config;

  @BeforeAll
  void startCoordinator(@TempDir Path dir) throws Exception {
    this.dir = dir;
    pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    rita = pki.addUser("rita", Role.RESEARCHER);
    coordinator = RunningCoordinator.start(pki, dir.resolve("data"));
    config = Files.writeString(dir.resolve("experiment.json"), """
        {"name": "lung nodules", "model": {"architecture": "small-cnn", "inputSize": 64},
         "training": {"epochs": 1, "batchSize": 8, "learningRate": 0.001}, "rounds": 5, "minNodes": 2}
        """);
  }

  @AfterAll
  void stopCoordinator() {
    coordinator.close();
  }

  record Result(int exitCode, String out, String err) {}

  @Test
  void createsListsShowsAndCancelsAnExperimentFromAJsonFile() {
    Result created = experiment(rita, "create", config.toString(), "--name", "cli run", "--rounds", "2");
    assertThat(created.exitCode()).as(created.err()).isZero();
    String id = idOf(created);

    Result list = experiment(rita, "list");
    assertThat(list.out()).as(list.err()).contains(id, "cli run", "CREATED", "0/2");
    JsonNode status = CanonicalJson.parse(experiment(rita, "status", id, "--json").out());
    assertThat(status.path("status").asText()).isEqualTo("CREATED");
    assertThat(status.path("config").path("rounds").asInt()).isEqualTo(2);
    assertThat(status.path("config").path("minNodes").asInt()).isEqualTo(2);
    assertThat(experiment(rita, "status", id).out()).contains("small-cnn, 64 px", "strategy    fedavg", "quorum 2");

    Result cancelled = experiment(rita, "cancel", id);
    assertThat(cancelled.exitCode()).isZero();
    assertThat(cancelled.out()).contains("cancelled experiment " + id);
    assertThat(CanonicalJson.parse(experiment(rita, "status", id, "--json").out()).path("status").asText())
        .isEqualTo("CANCELLED");
  }

  @Test
  void readsYamlAndAppliesCommandLineOverrides() throws Exception {
    Path yaml = Files.writeString(dir.resolve("experiment.yml"), """
        name: from yaml
        model: {architecture: small-cnn, inputSize: 48}
        training: {epochs: 1, batchSize: 4, learningRate: 0.01}
        strategy: {name: trimmed-mean, settings: {trimFraction: 0.2}}
        rounds: 3
        minNodes: 3
        """);

    Result created = experiment(rita, "create", yaml.toString(), "--min-nodes", "2", "--epochs", "3", "--json");

    assertThat(created.exitCode()).as(created.err()).isZero();
    JsonNode view = CanonicalJson.parse(created.out());
    assertThat(view.path("name").asText()).isEqualTo("from yaml");
    assertThat(view.path("config").path("minNodes").asInt()).isEqualTo(2);
    assertThat(view.path("config").path("training").path("epochs").asInt()).isEqualTo(3);
    assertThat(view.path("config").path("strategy").path("settings").path("trimFraction").asDouble()).isEqualTo(0.2);
  }

  @Test
  void malformedFileIsABadInputNamingTheFileAndPosition() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"name\": \"x\",\n  \"rounds\": }\n");

    Result result = experiment(rita, "create", broken.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("experiment create: " + broken + " is not valid JSON (line 2, column");
    assertThat(result.err().lines()).hasSize(1);
  }

  @Test
  void missingFileIsABadInput() {
    Result result = experiment(rita, "create", dir.resolve("nowhere.json").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("experiment file not found: " + dir.resolve("nowhere.json"));
  }

  @Test
  void rejectedConfigurationPrintsTheFieldAndReason() {
    Result result = experiment(rita, "create", config.toString(), "--rounds", "0");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(result.err().strip())
        .isEqualTo("experiment create: refused (HTTP 400): rounds: must be greater than or equal to 1, found 0");
  }

  @Test
  void unknownPropertyInTheFileIsNamedWithItsPath() throws Exception {
    Path typo = Files.writeString(dir.resolve("typo.json"),
        Files.readString(config).replace("\"learningRate\"", "\"learningRat\""));

    Result result = experiment(rita, "create", typo.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(result.err()).contains("training.learningRat: unknown property 'learningRat' in training; accepted:");
  }

  @Test
  void auditorIsRefusedCreation() {
    Credential auditor = pki.addUser("audrey", Role.AUDITOR);

    Result result = experiment(auditor, "create", config.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(result.err()).contains("refused (HTTP 403)");
  }

  @Test
  void unknownExperimentIsRefusedAsNotFound() {
    Result result = experiment(rita, "status", "no-such-id");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(result.err().strip()).isEqualTo("experiment status: refused (HTTP 404): no experiment with id no-such-id");
  }

  @Test
  void missingCertificateIsNamed() {
    Path absent = dir.resolve("users/nobody.pem");

    Result result = run("experiment", "list", "--coordinator", address(), "--cert", absent.toString(),
        "--ca", pki.caCertificate().toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err().strip())
        .isEqualTo("experiment list: client certificate not found: " + absent + " (give --cert or set ONCOFED_CERT)");
  }

  @Test
  void unreachableCoordinatorHasItsOwnExitCode() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    Result result = run("experiment", "list", "--coordinator", "https://localhost:" + closedPort,
        "--cert", rita.certificate().toString(), "--ca", pki.caCertificate().toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(result.err()).startsWith("experiment list: cannot reach the coordinator at https://localhost:" + closedPort);
  }

  @Test
  void watchFollowsAStartedExperimentUntilItIsCancelled() throws Exception {
    String id = idOf(experiment(rita, "create", config.toString(), "--name", "watched", "--start"));

    CompletableFuture<Result> watch = CompletableFuture.supplyAsync(
        () -> experiment(rita, "watch", id, "--interval", "0.2"));
    Thread.sleep(600);
    assertThat(experiment(rita, "cancel", id).exitCode()).isZero();
    Result watched = watch.get(30, TimeUnit.SECONDS);

    assertThat(watched.exitCode()).as(watched.err()).isEqualTo(ExitCodes.EXPERIMENT_CANCELLED);
    assertThat(watched.out()).contains("watching experiment " + id, "experiment running",
        "round 1 waits for 2 site(s) with training data; none connected", "experiment cancelled");
  }

  @Test
  void watchRefusesAnIntervalOutOfBounds() {
    Result result = experiment(rita, "watch", "any", "--interval", "0.01");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--interval must be between 0.2 and 60.0 seconds, found 0.01");
  }

  @Test
  void reportWritesHtmlAndJsonAndSaysThereIsNoVerdictYet() throws Exception {
    String id = idOf(experiment(rita, "create", config.toString()));
    Path out = dir.resolve("reports/" + id);

    Result result = experiment(rita, "report", id, "--out", out.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("wrote " + out.resolve("report.html"), "wrote " + out.resolve("report.json"),
        "no final comparison yet: the experiment is CREATED");
    assertThat(Files.readString(out.resolve("report.html"))).startsWith("<!DOCTYPE html>");
    assertThat(CanonicalJson.parse(Files.readString(out.resolve("report.json"))).path("id").asText()).isEqualTo(id);
  }

  @Test
  void downloadedModelServesAsPretrainedWeightsOfAnotherExperiment() throws Exception {
    String source = idOf(experiment(rita, "create", config.toString()));
    Path otherSeed = Files.writeString(dir.resolve("seed7.json"),
        Files.readString(config).replace("\"inputSize\": 64", "\"inputSize\": 64, \"seed\": 7"));
    String target = idOf(experiment(rita, "create", otherSeed.toString()));
    String sourceModel = initialModel(source);
    assertThat(initialModel(target)).isNotEqualTo(sourceModel);
    Path weights = dir.resolve("source-model.f32");

    Result download = experiment(rita, "model", source, "--out", weights.toString());
    Result upload = experiment(rita, "pretrained", target, weights.toString());

    assertThat(download.exitCode()).as(download.err()).isZero();
    assertThat(download.out()).contains("model " + sourceModel);
    assertThat(Sha256.hex(weights)).isEqualTo(sourceModel);
    assertThat(upload.exitCode()).as(upload.err()).isZero();
    assertThat(upload.out()).contains("is now " + sourceModel);
    assertThat(initialModel(target)).isEqualTo(sourceModel);
  }

  @Test
  void missingWeightsFileIsABadInput() {
    Result result = experiment(rita, "pretrained", "any", dir.resolve("absent.zip").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("weights file not found: " + dir.resolve("absent.zip"));
  }

  private String initialModel(String id) {
    return CanonicalJson.parse(experiment(rita, "status", id, "--json").out()).path("initialModel").asText();
  }

  private static String idOf(Result created) {
    Matcher matcher = CREATED.matcher(created.out());
    assertThat(matcher.find()).as("create printed: " + created.out() + created.err()).isTrue();
    return matcher.group(1);
  }

  /** {@code experiment SUBCOMMAND ARGS} with the caller's credential and this coordinator's address. */
  private Result experiment(Credential caller, String... args) {
    List<String> all = new ArrayList<>(List.of("experiment"));
    all.addAll(List.of(args));
    all.addAll(List.of("--coordinator", address(), "--cert", caller.certificate().toString(),
        "--key", caller.privateKey().toString(), "--ca", pki.caCertificate().toString()));
    return run(all.toArray(String[]::new));
  }

  private String address() {
    return "https://localhost:" + coordinator.httpsPort();
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new ClientCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exitCode = cli.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }
}
