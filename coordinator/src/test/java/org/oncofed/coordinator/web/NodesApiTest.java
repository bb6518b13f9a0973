package org.oncofed.coordinator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.coordinator.RunningCoordinator;

/** {@code GET /api/nodes} is for researchers, auditors and admins, over HTTPS with client certificates only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodesApiTest {

  private DevPki pki;
  private RunningCoordinator coordinator;

  @BeforeAll
  void startCoordinator(@TempDir Path dir) {
    pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    coordinator = RunningCoordinator.start(pki, dir.resolve("data"));
  }

  @AfterAll
  void stopCoordinator() {
    coordinator.close();
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"RESEARCHER", "AUDITOR", "ADMIN"})
  void peopleWithAReadingRoleMayListNodes(Role role) throws Exception {
    var user = pki.addUser("user-" + role.ou(), role);

    HttpResponse<String> response = coordinator.get(user, "/api/nodes");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("[");
  }

  @Test
  void nodeCertificateIsForbidden() throws Exception {
    var site = pki.addSite("rest-probe");

    assertThat(coordinator.get(site, "/api/nodes").statusCode()).isEqualTo(403);
  }

  @Test
  void refusesClientWithoutCertificate() throws Exception {
    SSLContext noIdentity = SSLContext.getInstance("TLSv1.3");
    noIdentity.init(null, new TrustManager[] {coordinator.trustManager()}, null);
    HttpClient client = HttpClient.newBuilder().sslContext(noIdentity).connectTimeout(Duration.ofSeconds(5)).build();

    assertThatThrownBy(() -> client.send(
            HttpRequest.newBuilder(URI.create("https://localhost:" + coordinator.httpsPort() + "/api/nodes")).build(),
            HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void refusesPlaintextHttp() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    assertThatThrownBy(() -> client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + coordinator.httpsPort() + "/api/nodes"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }
}
