package org.oncofed.common.hash;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON encoding OncoFed hashes and signs: object keys sorted, no insignificant whitespace,
 * UTF-8, times as ISO-8601 strings. Two parties that build the same value get the same bytes, so hashes of provenance records
 * and audit events can be recomputed and compared by anyone.
 */
public final class CanonicalJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .addModule(new JavaTimeModule())
          .build();

  private CanonicalJson() {}

  /** The canonical encoding of a value (records, maps, lists, strings, numbers, booleans). */
  public static String encode(Object value) {
    try {
      // Round-trip through a tree so that nested maps and records are both sorted by key.
      JsonNode tree = MAPPER.valueToTree(value);
      return MAPPER.writeValueAsString(MAPPER.treeToValue(tree, Object.class));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException("value cannot be encoded as canonical JSON: " + e.getMessage(), e);
    }
  }

  /** SHA-256 (hex) of the canonical encoding. */
  public static String sha256(Object value) {
    return Sha256.hex(encode(value));
  }

  /** Parses JSON text into a tree, for verification of stored or exported records. */
  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The mapper configured for canonical output, for callers that bind JSON to their own types. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
