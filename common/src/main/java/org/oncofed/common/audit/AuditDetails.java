package org.oncofed.common.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The details of an audit event or ledger entry: a map of strings, numbers, booleans, lists and
 * nested maps, normalised so that it has exactly one canonical encoding ({@link AuditJson}).
 *
 * <p>Accepted when recording: {@link String}, {@link Boolean}, any {@link Number} (floating-point
 * values must be finite), enums (as their name), {@link Instant} (as an audit time string),
 * collections and arrays of these, and maps with keys matching {@code [A-Za-z0-9][A-Za-z0-9_.-]*}
 * (at most 64 characters) that do not name patient data ({@link PatientDataGuard}). Nulls are refused:
 * leave the key out instead.
 */
public final class AuditDetails {

  static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  static final int MAX_STRING = 10_000;
  private static final int MAX_DEPTH = 8;

  private AuditDetails() {}

  /** Normalises and checks caller-supplied details; fails naming the offending key path. */
  public static SortedMap<String, Object> of(Map<String, ?> details) {
    Objects.requireNonNull(details, "details");
    return map(details, "details", 0);
  }

  /** Details read back from stored or exported JSON (already checked when they were recorded). */
  @SuppressWarnings("unchecked")
  public static SortedMap<String, Object> fromJson(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(path + " must be a JSON object, found " + node.getNodeType());
    }
    return (SortedMap<String, Object>) AuditJson.fromJson(node, path);
  }

  private static SortedMap<String, Object> map(Map<?, ?> source, String path, int depth) {
    SortedMap<String, Object> out = new TreeMap<>();
    for (Map.Entry<?, ?> entry : source.entrySet()) {
      if (!(entry.getKey() instanceof String key) || !KEY.matcher(key).matches()) {
        throw new IllegalArgumentException(path + " has key '" + entry.getKey()
            + "': keys must be 1-64 ASCII letters, digits, '_', '.' or '-', starting with a letter or digit");
      }
      String keyPath = path + "." + key;
      PatientDataGuard.checkKey(key, keyPath);
      out.put(key, value(entry.getValue(), keyPath, depth + 1));
    }
    return Collections.unmodifiableSortedMap(out);
  }

  private static Object value(Object value, String path, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(path + " is nested deeper than " + MAX_DEPTH + " levels");
    }
    if (value == null) {
      throw new IllegalArgumentException(path + " is null: leave the key out instead");
    }
    if (value instanceof String text) {
      return string(text, path);
    }
    if (value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number number) {
      return number(number, path);
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof Instant instant) {
      return AuditJson.time(instant);
    }
    if (value instanceof Map<?, ?> nested) {
      return map(nested, path, depth);
    }
    if (value instanceof Collection<?> collection) {
      return list(collection, path, depth);
    }
    if (value.getClass().isArray()) {
      List<Object> elements = new ArrayList<>();
      for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
        elements.add(java.lang.reflect.Array.get(value, i));
      }
      return list(elements, path, depth);
    }
    throw new IllegalArgumentException(path + " is a " + value.getClass().getName()
        + ": details take strings, numbers, booleans, lists and maps only");
  }

  private static List<Object> list(Collection<?> elements, String path, int depth) {
    List<Object> out = new ArrayList<>(elements.size());
    int i = 0;
    for (Object element : elements) {
      out.add(value(element, path + "[" + i++ + "]", depth));
    }
    return Collections.unmodifiableList(out);
  }

  private static String string(String text, String path) {
    if (text.length() > MAX_STRING) {
      throw new IllegalArgumentException(path + " is " + text.length() + " characters long, at most "
          + MAX_STRING + " allowed");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(path + " is not valid Unicode (unpaired surrogate at index " + i + ")");
      }
    }
    return text;
  }

  private static Object number(Number number, String path) {
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException(path + " is " + d + ": only finite numbers can be recorded");
      }
      // Float.toString keeps a float's shortest decimal form (0.1f stays 0.1).
      return AuditJson.decimal(new BigDecimal(number instanceof Float f ? Float.toString(f) : Double.toString(d)));
    }
    if (number instanceof BigDecimal decimal) {
      return AuditJson.decimal(decimal);
    }
    if (number instanceof BigInteger integer) {
      return AuditJson.integer(integer);
    }
    if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
      return number.longValue();
    }
    throw new IllegalArgumentException(path + " is a " + number.getClass().getName()
        + ": use Integer, Long, Double, BigInteger or BigDecimal");
  }
}
