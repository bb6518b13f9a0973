package org.oncofed.coordinator.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.tls.PemFiles;
import org.oncofed.coordinator.RunningCoordinator;
import org.oncofed.coordinator.TrailEvents;

/**
 * Every REST request answered 401 or 403 over real mutual TLS is a {@code REQUEST_REFUSED} event
 * naming the caller, the call and the reason, and nothing the caller sent beyond the method and path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestRefusalsTest {

  private DevPki pki;
  private RunningCoordinator coordinator;
  private TrailEvents trail;
  private Credential rita;
  private Credential omar;

  @BeforeAll
  void startCoordinator(@TempDir Path dir) {
    pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    rita = pki.addUser("rita", Role.RESEARCHER);
    omar = pki.addUser("omar", Role.RESEARCHER);
    coordinator = RunningCoordinator.start(pki, dir.resolve("data"));
    trail = new TrailEvents(coordinator, pki.addUser("audrey", Role.AUDITOR));
  }

  @AfterAll
  void stopCoordinator() {
    coordinator.close();
  }

  @Test
  void aNodeCertificateOnTheResearcherApiIsRecorded() throws Exception {
    Credential site = pki.addSite("curious-site");

    HttpResponse<String> response = coordinator.get(site, "/api/experiments");

    assertThat(response.statusCode()).isEqualTo(403);
    String reason = "the node role may not call GET /api/experiments; it is for researcher, auditor, admin";
    assertThat(CanonicalJson.parse(response.body()).path("message").asText()).isEqualTo(reason);
    JsonNode event = trail.await("REQUEST_REFUSED", e -> e.path("actor").asText().equals("curious-site"));
    assertThat(event.path("details").path("role").asText()).isEqualTo("node");
    assertThat(event.path("details").path("status").asInt()).isEqualTo(403);
    assertThat(event.path("details").path("method").asText()).isEqualTo("GET");
    assertThat(event.path("details").path("path").asText()).isEqualTo("/api/experiments");
    assertThat(event.path("details").path("reason").asText()).isEqualTo(reason);
    assertThat(event.path("details").path("certificateSerial").asText()).isEqualTo(serial(site));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/audit/events", "/api/audit/checkpoints", "/api/audit/export", "/api/audit/verify"})
  void theAuditorApiRefusesEveryOtherRoleAndRecordsIt(String path) throws Exception {
    String call = path.substring("/api/audit/".length());
    for (Credential caller : List.of(omar, pki.addUser("root-" + call, Role.ADMIN), pki.addSite("site-" + call))) {
      String name = PemFiles.readCertificate(caller.certificate()).getSubjectX500Principal().getName();

      assertThat(coordinator.get(caller, path).statusCode()).isEqualTo(403);

      trail.await("REQUEST_REFUSED", e -> name.equals(e.path("details").path("subject").asText())
          && e.path("details").path("path").asText().equals(path));
    }
  }

  @Test
  void aResearcherOnTheAuditorApiIsRecordedWithoutTheQuery() throws Exception {
    HttpResponse<String> response = coordinator.get(omar, "/api/audit/events?site=north&patientName=Doe");

    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode event = trail.await("REQUEST_REFUSED",
        e -> e.path("actor").asText().equals("omar") && e.path("details").path("path").asText().startsWith("/api/audit"));
    assertThat(event.path("details").path("path").asText()).isEqualTo("/api/audit/events");
    assertThat(event.path("details").path("role").asText()).isEqualTo("researcher");
    assertThat(event.toString()).doesNotContain("Doe", "patientName");
  }

  @Test
  void aResearcherStartingSomeoneElsesExperimentIsRecordedWithTheExperiment() throws Exception {
    String id = CanonicalJson.parse(coordinator.post(rita, "/api/experiments", ExperimentApiTest.VALID_CONFIG).body())
        .path("id").asText();

    HttpResponse<String> response = coordinator.post(omar, "/api/experiments/" + id + "/start", "");

    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode event = trail.await("REQUEST_REFUSED", e -> e.path("experimentId").asText().equals(id));
    assertThat(event.path("actor").asText()).isEqualTo("omar");
    assertThat(event.path("details").path("status").asInt()).isEqualTo(403);
    assertThat(event.path("details").path("method").asText()).isEqualTo("POST");
    assertThat(event.path("details").path("path").asText()).isEqualTo("/api/experiments/" + id + "/start");
    assertThat(event.path("details").path("reason").asText()).contains("belongs to rita");
  }

  @Test
  void aRevokedCertificateOnAnOpenConnectionIsAnswered401AndRecorded() throws Exception {
    Credential ruth = pki.addUser("ruth", Role.RESEARCHER);
    var openConnection = coordinator.httpClient(ruth);
    assertThat(coordinator.get(openConnection, "/api/nodes").statusCode()).isEqualTo(200);

    pki.revoke("ruth", "affiliation-changed");
    HttpResponse<String> response = awaitStatus(openConnection, 401);

    JsonNode error = CanonicalJson.parse(response.body());
    assertThat(error.path("status").asInt()).isEqualTo(401);
    assertThat(error.path("message").asText()).isEqualTo("certificate revoked (serial " + serial(ruth) + ")");
    JsonNode event = trail.await("REQUEST_REFUSED", e -> e.path("actor").asText().equals("ruth"));
    assertThat(event.path("details").path("status").asInt()).isEqualTo(401);
    assertThat(event.path("details").path("path").asText()).isEqualTo("/api/nodes");
    assertThat(event.path("details").path("reason").asText()).isEqualTo(error.path("message").asText());
    assertThat(event.path("details").path("certificateSerial").asText()).isEqualTo(serial(ruth));
  }

  private HttpResponse<String> awaitStatus(java.net.http.HttpClient client, int status) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    HttpResponse<String> response = coordinator.get(client, "/api/nodes");
    while (response.statusCode() != status && System.nanoTime() < deadline) {
      Thread.sleep(100);
      response = coordinator.get(client, "/api/nodes");
    }
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response;
  }

  private static String serial(Credential credential) {
    return PemFiles.readCertificate(credential.certificate()).getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
  }
}
