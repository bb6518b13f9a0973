package org.oncofed.client.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Where the connection settings come from: option, else environment variable, else the dev PKI layout. */
class ConnectionOptionsTest {

  @TempDir Path dir;

  @Test
  void takesEverythingFromTheEnvironmentWhenNoOptionIsGiven() throws Exception {
    Path cert = touch("users/rita.pem");
    Path key = touch("keys/rita.key");
    Path ca = touch("ca.pem");

    ConnectionOptions.Connection resolved = parse().resolve(Map.of(
        "ONCOFED_COORDINATOR", "https://coordinator.example.org:9443", "ONCOFED_CERT", cert.toString(),
        "ONCOFED_KEY", key.toString(), "ONCOFED_CA", ca.toString()));

    assertThat(resolved).isEqualTo(
        new ConnectionOptions.Connection(URI.create("https://coordinator.example.org:9443"), cert, key, ca));
  }

  @Test
  void optionsWinOverTheEnvironmentAndTheKeyDefaultsToTheFileBesideTheCertificate() throws Exception {
    Path cert = touch("users/omar.pem");
    Path key = touch("users/omar-key.pem");
    Path ca = touch("ca.pem");

    ConnectionOptions.Connection resolved = parse("--cert", cert.toString(), "--ca", ca.toString())
        .resolve(Map.of("ONCOFED_CERT", dir.resolve("elsewhere.pem").toString()));

    assertThat(resolved.coordinator()).isEqualTo(URI.create(ConnectionOptions.DEFAULT_COORDINATOR));
    assertThat(resolved.certificate()).isEqualTo(cert);
    assertThat(resolved.privateKey()).isEqualTo(key);
  }

  @Test
  void namesTheMissingKeyAndHowToGiveIt() throws Exception {
    Path cert = touch("users/rita.pem");

    assertThatThrownBy(() -> parse("--cert", cert.toString()).resolve(Map.of()))
        .isInstanceOf(BadInputException.class)
        .hasMessage("private key not found: " + dir.resolve("users/rita-key.pem") + " (give --key or set ONCOFED_KEY)");
  }

  @Test
  void refusesAPlainHttpAddress() throws Exception {
    assertThatThrownBy(() -> parse("--coordinator", "http://localhost:8443").resolve(Map.of()))
        .isInstanceOf(BadInputException.class)
        .hasMessage("--coordinator must be an https://host:port address, found http://localhost:8443");
  }

  private static ConnectionOptions parse(String... args) {
    ConnectionOptions options = new ConnectionOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  private Path touch(String file) throws Exception {
    Path path = dir.resolve(file);
    Files.createDirectories(path.getParent());
    return Files.writeString(path, "-----BEGIN CERTIFICATE-----\n");
  }
}
