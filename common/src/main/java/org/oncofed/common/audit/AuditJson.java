package org.oncofed.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The byte-exact JSON encoding that audit events, ledger entries and checkpoints are hashed and
 * signed over. It is specified in docs/audit.md so that anyone can write a verifier; it does not use
 * a JSON library's own number or string formatting, which differs between libraries:
 *
 * <ul>
 *   <li>objects: members sorted by key (keys are ASCII, see {@link AuditDetails}), {@code "k":v}
 *       joined by commas, no whitespace;
 *   <li>strings: {@code "} and {@code \} escaped with a backslash, U+0000 to U+001F as {@code
 *       &#92;u00xx} (lower-case hex), every other character literal, UTF-8;
 *   <li>integers: decimal digits with an optional minus sign;
 *   <li>decimals: the shortest plain decimal ({@code 0.0001}, never {@code 1E-4}); a decimal with
 *       no fraction is written as an integer ({@code 2.0} is {@code 2});
 *   <li>booleans: {@code true}, {@code false}; there is no {@code null}: absent values are omitted.
 * </ul>
 *
 * <p>Values handled here are already normalised: {@link SortedMap} with String keys, {@link List},
 * {@link String}, {@link Long}, {@link BigInteger}, {@link BigDecimal}, {@link Boolean}.
 */
public final class AuditJson {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private AuditJson() {}

  /** The canonical encoding of a normalised value. */
  public static String encode(Object value) {
    StringBuilder out = new StringBuilder(256);
    write(value, out);
    return out.toString();
  }

  /**
   * Audit times: UTC, millisecond precision, always three fraction digits, e.g. {@code
   * 2025-03-01T09:30:00.120Z}.
   */
  public static String time(Instant instant) {
    return TIME.format(instant);
  }

  /** Parses a time written by {@link #time}; fails naming the value otherwise. */
  public static Instant parseTime(String text) {
    try {
      Instant parsed = Instant.from(TIME.parse(text));
      if (!time(parsed).equals(text)) {
        throw new DateTimeParseException("not in canonical form", text, 0);
      }
      return parsed;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "time must look like 2025-03-01T09:30:00.120Z (UTC, milliseconds), found '" + text + "'", e);
    }
  }

  /** The instant as audit records keep it: truncated to milliseconds. */
  public static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Parses one JSON document strictly: duplicate keys and trailing content are refused, decimals
   * keep their exact digits.
   */
  public static JsonNode parse(String json) {
    try {
      JsonNode node = STRICT.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("empty JSON text");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The mapper used by {@link #parse}, for streaming readers. */
  static ObjectMapper strictMapper() {
    return STRICT;
  }

  /**
   * Converts parsed JSON into a normalised value (the inverse of {@link #encode} for canonical
   * text). {@code null} is refused, since the encoding has none.
   */
  public static Object fromJson(JsonNode node, String path) {
    if (node.isObject()) {
      SortedMap<String, Object> map = new TreeMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        map.put(field.getKey(), fromJson(field.getValue(), path + "." + field.getKey()));
      }
      return Collections.unmodifiableSortedMap(map);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        list.add(fromJson(node.get(i), path + "[" + i + "]"));
      }
      return Collections.unmodifiableList(list);
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return integer(node.bigIntegerValue());
    }
    if (node.isNumber()) {
      return decimal(node.decimalValue());
    }
    throw new IllegalArgumentException(path + " must be an object, list, string, number or boolean, found "
        + (node.isNull() ? "null" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
  }

  /** An integer as a Long where it fits, so that equal values compare equal. */
  static Object integer(BigInteger value) {
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  /** A decimal in its normal form: trailing zeros dropped, an integer when it has no fraction. */
  static Object decimal(BigDecimal value) {
    BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    if (stripped.scale() <= 0) {
      return integer(stripped.toBigIntegerExact());
    }
    return stripped;
  }

  private static void write(Object value, StringBuilder out) {
    if (value instanceof String text) {
      writeString(text, out);
    } else if (value instanceof Map<?, ?> map) {
      writeObject(map, out);
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(list.get(i), out);
      }
      out.append(']');
    } else if (value instanceof Long || value instanceof BigInteger || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof BigDecimal decimal) {
      out.append(decimal.toPlainString());
    } else {
      throw new IllegalArgumentException("not a normalised audit value: "
          + (value == null ? "null" : value.getClass().getName()));
    }
  }

  private static void writeObject(Map<?, ?> map, StringBuilder out) {
    SortedMap<String, Object> sorted = new TreeMap<>();
    map.forEach((key, v) -> sorted.put((String) key, v));
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> entry : sorted.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      writeString(entry.getKey(), out);
      out.append(':');
      write(entry.getValue(), out);
    }
    out.append('}');
  }

  private static void writeString(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
