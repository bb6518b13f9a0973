package org.oncofed.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.coordinator.RunningCoordinator;

/**
 * The packaged client jar, run as its own process with nothing but its {@code lib/} folder: a
 * researcher creates and reads an experiment, an auditor exports the trail and verifies it
 * offline. A server class the tools still needed would fail here, not at a user's desk.
 */
class ClientJarIT {

  private static final Pattern CREATED = Pattern.compile("created experiment ([0-9a-f-]{36})");
  private static final Path JAR = Path.of("target", "client.jar").toAbsolutePath();

  @Test
  void researcherAndAuditorToolsRunFromTheJarAlone(@TempDir Path dir) throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    Credential researcher = pki.addUser("rita", Role.RESEARCHER);
    Credential auditor = pki.addUser("audrey", Role.AUDITOR);
    Path config = Files.writeString(dir.resolve("experiment.yml"), """
        name: from the client jar
        model: {architecture: small-cnn, inputSize: 64}
        training: {epochs: 1, batchSize: 8, learningRate: 0.001}
        rounds: 2
        minNodes: 1
        """);
    Path export = dir.resolve("audit.jsonl");
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, dir.resolve("data"))) {
      String address = "https://localhost:" + coordinator.httpsPort();
      List<String> asResearcher = List.of("--coordinator", address, "--cert", researcher.certificate().toString(),
          "--key", researcher.privateKey().toString(), "--ca", pki.caCertificate().toString());

      Result created = run(dir, with(List.of("experiment", "create", config.toString()), asResearcher));
      assertThat(created.exit).as(created.err).isZero();
      Matcher id = CREATED.matcher(created.out);
      assertThat(id.find()).as(created.out).isTrue();

      Result status = run(dir, with(List.of("experiment", "status", id.group(1)), asResearcher));
      assertThat(status.exit).as(status.err).isZero();
      assertThat(status.out).contains("from the client jar").contains("CREATED");

      Result exported = run(dir, List.of("audit", "export", "--coordinator", address,
          "--cert", auditor.certificate().toString(), "--key", auditor.privateKey().toString(),
          "--ca", pki.caCertificate().toString(), "--out", export.toString()));
      assertThat(exported.exit).as(exported.err).isZero();
    }

    Result verified = run(dir, List.of("audit", "verify", export.toString(), "--ca", pki.caCertificate().toString()));
    assertThat(verified.exit).as(verified.err).isZero();
    assertThat(verified.out).startsWith("VALID: ");
    assertThat(verified.err).as("nothing but the verdict on a clean run").isEmpty();
  }

  private static List<String> with(List<String> command, List<String> options) {
    List<String> all = new ArrayList<>(command);
    all.addAll(options);
    return all;
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(Path dir, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(args);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("client jar did not finish within 2 minutes: " + args);
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
