package org.oncofed.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oncofed.common.hash.Sha256;

/** The published test vector (docs/audit.md), computed independently of this code, pins the encoding and the chain rule. */
class AuditEventTest {

  private static final String CONFIG = Sha256.hex("config");

  @Test
  void knownEventsEncodeAndChainToThePublishedVector() {
    AuditEvent first = AuditEvent.create(1, Instant.parse("2025-03-01T09:30:00.120Z"), AuditEventType.EXPERIMENT_CREATED,
        "ruth", "exp-1", null, null, Map.of("configurationSha256", CONFIG, "rounds", 2, "learningRate", 0.001,
            "note", "a\"b\n"));
    AuditEvent second = AuditEvent.create(2, Instant.parse("2025-03-01T09:31:00Z"), AuditEventType.NODE_DISCONNECTED,
        AuditEvent.SYSTEM, null, null, "north", Map.of("reason", "no heartbeat for PT20S"));

    AuditEntry linkedFirst = AuditEntry.link(ChainHash.GENESIS, first);
    AuditEntry linkedSecond = AuditEntry.link(linkedFirst.hash(), second);

    assertThat(first.canonical()).isEqualTo("{\"actor\":\"ruth\",\"details\":{\"configurationSha256\":\"" + CONFIG
        + "\",\"learningRate\":0.001,\"note\":\"a\\\"b\\u000a\",\"rounds\":2},\"experimentId\":\"exp-1\",\"sequence\":1,"
        + "\"time\":\"2025-03-01T09:30:00.120Z\",\"type\":\"EXPERIMENT_CREATED\"}");
    assertThat(linkedFirst.hash()).isEqualTo("d60fbac0140829bfde86795619e3618ebd55c768f977e788222f989b3f03741c");
    assertThat(linkedSecond.hash()).isEqualTo("c7970bd292afbffc97ba98f501c53e592574efc7869aad45171be82e257ce575");
  }

  @Test
  void readingAnEventBackGivesTheSameEncoding() {
    AuditEvent event = AuditEvent.create(7, Instant.parse("2025-03-01T09:30:00.120Z"), AuditEventType.UPDATE_ACCEPTED,
        AuditEvent.SYSTEM, "exp-1", 3, "north", Map.of("taskId", "t-1", "updateSha256", CONFIG, "sampleCount", 96,
            "metrics", Map.of("train_loss", 0.25)));

    assertThat(AuditEvent.fromJson(AuditJson.parse(event.canonical()))).isEqualTo(event);
  }

  @Test
  void refusesAnEventWithoutWhatItsTypeRequires() {
    assertThatThrownBy(() -> AuditEvent.create(1, Instant.now(), AuditEventType.UPDATE_ACCEPTED, AuditEvent.SYSTEM,
        "exp-1", 1, "north", Map.of("taskId", "t-1", "sampleCount", 3)))
        .hasMessage("UPDATE_ACCEPTED events need detail 'updateSha256'");
    assertThatThrownBy(() -> AuditEvent.create(1, Instant.now(), AuditEventType.ROUND_OPENED, AuditEvent.SYSTEM,
        "exp-1", null, null, Map.of("selectedSites", java.util.List.of(), "globalModelSha256", CONFIG)))
        .hasMessage("ROUND_OPENED events need a round");
  }

  @Test
  void refusalsNeedTheCallAndTheReason() {
    assertThatThrownBy(() -> AuditEvent.create(1, Instant.now(), AuditEventType.SITE_CLAIM_REFUSED, "north", null,
        null, null, Map.of("claimedSite", "south", "reason", "Hello claims site 'south'")))
        .hasMessage("SITE_CLAIM_REFUSED events need a site id");
    assertThatThrownBy(() -> AuditEvent.create(1, Instant.now(), AuditEventType.REQUEST_REFUSED, "rita", null, null,
        null, Map.of("method", "GET", "status", 403, "reason", "the researcher role may not call GET /api/audit/events")))
        .hasMessage("REQUEST_REFUSED events need detail 'path'");
    assertThatThrownBy(() -> AuditEvent.create(1, Instant.now(), AuditEventType.CALL_REFUSED, "rita", null, null,
        null, Map.of("reason", "the federation service is for hospital nodes")))
        .hasMessage("CALL_REFUSED events need detail 'method'");
  }

  @Test
  void refusesHashDetailsThatAreNotDigests() {
    assertThatThrownBy(() -> AuditEvent.create(1, Instant.now(), AuditEventType.EXPERIMENT_STARTED, "ruth", "exp-1",
        null, null, Map.of("configurationSha256", "ABC")))
        .hasMessageContaining("detail 'configurationSha256' must be a SHA-256 digest");
  }

  @Test
  void refusesFieldsTheHashWouldNotCover() {
    String withExtra = AuditEvent.create(1, Instant.now(), AuditEventType.ADMIN_ACTION, "root", null, null, null,
        Map.of("action", "x")).canonical().replace("{\"actor\"", "{\"comment\":\"hi\",\"actor\"");

    assertThatThrownBy(() -> AuditEvent.fromJson(AuditJson.parse(withExtra)))
        .hasMessage("event has unknown field 'comment'");
  }
}
