package org.oncofed.coordinator.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
import org.oncofed.coordinator.RunningCoordinator;
import org.oncofed.coordinator.audit.AuditTrail;
import org.oncofed.coordinator.audit.SampleTrail;

/**
 * The auditor API answers the questions from the trail alone, and only for auditors. Each
 * question test reads like the auditor's query.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiTest {

  private DevPki pki;
  private RunningCoordinator coordinator;
  private Credential auditor;

  @BeforeAll
  void recordSampleTrail(@TempDir Path dir) {
    pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    auditor = pki.addUser("audrey", Role.AUDITOR);
    coordinator = RunningCoordinator.start(pki, dir.resolve("data"));
    SampleTrail.record(coordinator.context().getBean(AuditTrail.class));
  }

  @AfterAll
  void stopCoordinator() {
    coordinator.close();
  }

  /** Other roles are refused, and each refusal is an event: see {@link RestRefusalsTest}. */
  @ParameterizedTest
  @ValueSource(strings = {"/api/audit/events", "/api/audit/checkpoints", "/api/audit/export", "/api/audit/verify"})
  void auditorsMayRead(String path) throws Exception {
    assertThat(coordinator.get(auditor, path).statusCode()).isEqualTo(200);
  }

  @Test
  void whoLaunchedWhichExperimentWithWhichConfiguration() throws Exception {
    List<JsonNode> events = events("?experiment=exp-1&type=EXPERIMENT_CREATED,EXPERIMENT_STARTED");

    assertThat(events).extracting(e -> e.path("actor").asText()).containsExactly("ruth", "ruth");
    assertThat(events.get(1).path("details").path("configurationSha256").asText()).isEqualTo(SampleTrail.hash("config"));
  }

  @Test
  void whichSitesTookPartInEachRoundAndWhichModelCameOut() throws Exception {
    List<JsonNode> rounds = events("?experiment=exp-1&type=ROUND_AGGREGATED");

    assertThat(rounds).extracting(e -> e.path("round").asInt()).containsExactly(1, 2);
    assertThat(rounds.get(0).path("details").path("participants").toString()).isEqualTo("[\"north\"]");
    assertThat(rounds.get(1).path("details").path("weights").toString()).isEqualTo("{\"north\":0.4,\"south\":0.6}");
    assertThat(rounds.get(1).path("details").path("newModelSha256").asText()).isEqualTo(SampleTrail.hash("model 2"));
  }

  @Test
  void whatEachSiteSentAndWhatWasRejectedWhy() throws Exception {
    List<JsonNode> south = events("?site=south&type=UPDATE_ACCEPTED&type=UPDATE_REJECTED");

    assertThat(south).extracting(e -> e.path("type").asText()).containsExactly("UPDATE_REJECTED", "UPDATE_ACCEPTED");
    assertThat(south.get(0).path("details").path("reason").asText()).isEqualTo("update norm 9.2 exceeds bound 5.0");
    assertThat(south.get(1).path("details").path("updateSha256").asText())
        .isEqualTo(SampleTrail.updateHash(SampleTrail.SOUTH, 2));
    assertThat(south.get(1).path("details").path("sampleCount").asInt()).isEqualTo(122);
  }

  @Test
  void filtersByRoundAndTimeRange() throws Exception {
    List<JsonNode> all = events("?limit=100");
    Instant from = Instant.parse(all.get(1).path("time").asText());
    Instant to = Instant.parse(all.get(10).path("time").asText());
    // Events recorded within the same millisecond share a time, so the expected set is computed, not assumed.
    List<Long> inRange = all.stream()
        .filter(e -> !Instant.parse(e.path("time").asText()).isBefore(from) && Instant.parse(e.path("time").asText()).isBefore(to))
        .map(e -> e.path("sequence").asLong())
        .toList();

    assertThat(events("?experiment=exp-1&round=2")).extracting(e -> e.path("sequence").asLong())
        .containsExactly(7L, 8L, 9L, 10L);
    assertThat(events("?from=" + from + "&to=" + to)).extracting(e -> e.path("sequence").asLong())
        .containsExactlyElementsOf(inRange)
        .contains(2L, 5L)
        .doesNotContain(11L, 12L);
  }

  @Test
  void pagesFollowTheCursor() throws Exception {
    List<Long> seen = new ArrayList<>();
    String query = "?limit=5";
    int pages = 0;
    while (query != null && pages < 10) {
      JsonNode page = CanonicalJson.parse(coordinator.get(auditor, "/api/audit/events" + query).body());
      page.path("events").forEach(e -> seen.add(e.path("sequence").asLong()));
      query = page.hasNonNull("nextAfter") ? "?limit=5&after=" + page.path("nextAfter").asLong() : null;
      pages++;
    }

    assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    assertThat(pages).isEqualTo(3);
    assertThat(events("?offset=10&limit=5")).extracting(e -> e.path("sequence").asLong()).containsExactly(11L, 12L);
  }

  @Test
  void badQueriesAreRefusedWithTheReason() throws Exception {
    HttpResponse<String> badType = coordinator.get(auditor, "/api/audit/events?type=COFFEE_BREAK");
    HttpResponse<String> badTime = coordinator.get(auditor, "/api/audit/events?from=yesterday");
    HttpResponse<String> badLimit = coordinator.get(auditor, "/api/audit/events?limit=5000");

    assertThat(badType.statusCode()).isEqualTo(400);
    assertThat(error(badType)).isEqualTo("type: unknown audit event type 'COFFEE_BREAK'");
    assertThat(badTime.statusCode()).isEqualTo(400);
    assertThat(error(badTime)).isEqualTo(
        "from: expected an ISO-8601 instant such as 2025-03-01T09:30:00Z, found \"yesterday\"");
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(error(badLimit)).isEqualTo("limit: limit must be between 1 and 1000, found 5000");
  }

  @Test
  void whetherAnythingWasChangedAfterwards() throws Exception {
    JsonNode verdict = CanonicalJson.parse(coordinator.get(auditor, "/api/audit/verify").body());
    JsonNode checkpoints = CanonicalJson.parse(coordinator.get(auditor, "/api/audit/checkpoints").body());

    assertThat(verdict.path("valid").asBoolean()).as(verdict.toString()).isTrue();
    assertThat(verdict.path("events").asLong()).isEqualTo(12);
    assertThat(verdict.path("summary").asText()).startsWith("VALID: 12 events");
    assertThat(checkpoints.get(0).path("sequence").asLong()).isEqualTo(4);
    assertThat(checkpoints.get(0).path("reason").asText()).isEqualTo("round 1 updates");
    assertThat(checkpoints.get(0).path("signer").asText()).startsWith("CN=coordinator");
  }

  /** "field: message" of an error answer's only entry. */
  private static String error(HttpResponse<String> response) {
    JsonNode errors = CanonicalJson.parse(response.body()).path("errors");
    assertThat(errors.size()).as(response.body()).isEqualTo(1);
    return errors.get(0).path("field").asText() + ": " + errors.get(0).path("message").asText();
  }

  private List<JsonNode> events(String query) throws Exception {
    HttpResponse<String> response = coordinator.get(auditor, "/api/audit/events" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> events = new ArrayList<>();
    CanonicalJson.parse(response.body()).path("events").forEach(events::add);
    return events;
  }
}
