package org.oncofed.common.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  record Sample(String zeta, int alpha, Map<String, Object> nested) {}

  @Test
  void sortsKeysAtEveryLevelAndDropsWhitespace() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("b", 2);
    nested.put("a", List.of(1, "x"));

    String json = CanonicalJson.encode(new Sample("z", 1, nested));

    assertThat(json).isEqualTo("{\"alpha\":1,\"nested\":{\"a\":[1,\"x\"],\"b\":2},\"zeta\":\"z\"}");
  }

  @Test
  void equalValuesBuiltInDifferentOrderHashTheSame() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("site", "a");
    first.put("round", 3);
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("round", 3);
    second.put("site", "a");

    assertThat(CanonicalJson.sha256(first)).isEqualTo(CanonicalJson.sha256(second));
  }

  @Test
  void hashIsTheSha256OfTheUtf8Encoding() {
    assertThat(CanonicalJson.sha256(Map.of("k", "é")))
        .isEqualTo(Sha256.hex("{\"k\":\"é\"}"))
        .matches("[0-9a-f]{64}");
  }
}
