package org.oncofed.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.common.cli.ServiceRunner;
import org.oncofed.coordinator.federation.FederationConfiguration;
import org.oncofed.coordinator.federation.FederationServer;

/** The coordinator starts from a configuration file, and refuses to start on bad key material. */
class CoordinatorStartupTest {

  @TempDir Path dir;
  private DevPki pki;
  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

  @BeforeEach
  void createPki() {
    pki = DevPki.init(dir.resolve("pki"), List.of(), false);
  }

  @Test
  void settingsFromTheConfigurationFileOverrideTheBuiltInDefaults() throws Exception {
    Path config = config(pki.coordinator().certificate(), pki.coordinator().privateKey());

    ApplicationContext context = start(config);
    try {
      assertThat(context).isNotNull();
      assertThat(context.getBean(FederationConfiguration.class).heartbeatInterval()).hasSeconds(2);
      assertThat(context.getBean(FederationServer.class).port()).isPositive().isNotEqualTo(7443);
    } finally {
      context.close();
    }
  }

  @Test
  void refusesToStartWhenThePrivateKeyBelongsToAnotherCertificate() throws Exception {
    Credential site = pki.addSite("elsewhere");
    Path config = config(pki.coordinator().certificate(), site.privateKey());

    assertThat(start(config)).isNull();
    assertThat(errorText())
        .startsWith("coordinator: cannot start: ")
        .contains(site.privateKey().toString(), "private key does not match the certificate");
  }

  @Test
  void refusesToStartWhenTheCertificateFileIsMissing() throws Exception {
    Path missing = dir.resolve("nowhere.pem");
    Path config = config(missing, pki.coordinator().privateKey());

    assertThat(start(config)).isNull();
    assertThat(errorText()).contains(missing.toString(), "certificate file not found");
  }

  @Test
  void refusesToStartWhenTheKeyFileIsNotAKey() throws Exception {
    Path notAKey = Files.writeString(dir.resolve("garbage-key.pem"), "hello");
    Path config = config(pki.coordinator().certificate(), notAKey);

    assertThat(start(config)).isNull();
    assertThat(errorText()).contains(notAKey.toString(), "no unencrypted PKCS#8");
  }

  private ApplicationContext start(Path config) {
    return ServiceRunner.start("coordinator", CoordinatorCommand.class, List.of(config),
        new PrintStream(errors, true, StandardCharsets.UTF_8));
  }

  private String errorText() {
    return errors.toString(StandardCharsets.UTF_8);
  }

  private Path config(Path certificate, Path key) throws Exception {
    return Files.writeString(dir.resolve("coordinator.yml"), String.join("\n",
        "micronaut:",
        "  server:",
        "    ssl:",
        "      port: -1",
        "oncofed:",
        "  coordinator:",
        "    data-dir: " + dir.resolve("data"),
        "  tls:",
        "    certificate: " + certificate,
        "    private-key: " + key,
        "    ca: " + pki.caCertificate(),
        "    crl: " + pki.crl(),
        "  federation:",
        "    port: 0",
        "    heartbeat-interval: 2s",
        ""));
  }
}
