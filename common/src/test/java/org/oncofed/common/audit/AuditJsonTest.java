package org.oncofed.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical encoding is specified to the byte, so that independent verifiers agree with it. */
class AuditJsonTest {

  @Test
  void writesDecimalsAsTheShortestPlainNumber() {
    Map<String, Object> details = AuditDetails.of(Map.of(
        "small", 0.0001, "whole", 2.0, "large", 1e21, "negativeZero", -0.0, "float", 0.1f, "exact",
        new BigDecimal("1.2500")));

    assertThat(AuditJson.encode(details)).isEqualTo(
        "{\"exact\":1.25,\"float\":0.1,\"large\":1000000000000000000000,\"negativeZero\":0,\"small\":0.0001,\"whole\":2}");
  }

  @Test
  void escapesOnlyQuotesBackslashesAndControlCharacters() {
    assertThat(AuditJson.encode(List.of("a\"b\\c\n\u0001é/\u007f😀")))
        .isEqualTo("[\"a\\\"b\\\\c\\u000a\\u0001é/\u007f😀\"]");
  }

  @Test
  void sortsKeysAtEveryLevelWithoutWhitespace() {
    Map<String, Object> details = AuditDetails.of(Map.of("b", Map.of("z", true, "a", List.of(1, "x")), "a", -3));

    assertThat(AuditJson.encode(details)).isEqualTo("{\"a\":-3,\"b\":{\"a\":[1,\"x\"],\"z\":true}}");
  }

  @Test
  void parsingAndEncodingAgainGivesTheSameBytes() {
    String canonical = AuditJson.encode(AuditDetails.of(Map.of(
        "loss", 0.4123456789, "n", Long.MAX_VALUE, "tiny", 1.5e-12, "text", "tab\there", "list", List.of(1.0, 2.5))));

    assertThat(AuditJson.encode(AuditJson.fromJson(AuditJson.parse(canonical), "details"))).isEqualTo(canonical);
  }

  @Test
  void refusesDuplicateKeysAndTrailingContent() {
    assertThatThrownBy(() -> AuditJson.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("Duplicate field 'a'");
    assertThatThrownBy(() -> AuditJson.parse("{\"a\":1} {}")).hasMessageContaining("not valid JSON");
  }

  @Test
  void timesAlwaysCarryThreeFractionDigits() {
    assertThat(AuditJson.time(Instant.parse("2025-03-01T09:30:00Z"))).isEqualTo("2025-03-01T09:30:00.000Z");
    assertThat(AuditJson.time(Instant.parse("2025-03-01T09:30:00.123456Z"))).isEqualTo("2025-03-01T09:30:00.123Z");
    assertThatThrownBy(() -> AuditJson.parseTime("2025-03-01T09:30:00Z"))
        .hasMessageContaining("found '2025-03-01T09:30:00Z'");
  }
}
