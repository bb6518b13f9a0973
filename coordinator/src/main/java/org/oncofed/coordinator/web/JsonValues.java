package org.oncofed.coordinator.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Map;

/** How error messages show what a request held and what its field takes. */
final class JsonValues {

  private static final int SHOWN = 40;

  private JsonValues() {}

  /** What was found, for "expected ..., found ...": {@code the text "yes"}, {@code 2.5}, {@code a list}. */
  static String found(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case STRING -> "the text " + quoted(node.textValue());
      case NUMBER -> shorten(node.numberValue().toString());
      case BOOLEAN, NULL -> node.toString();
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** What a field of this Java type takes, in JSON's words; {@code found} tells a range error from a type error. */
  static String expected(Class<?> type, JsonNode found) {
    if (type == Integer.class || type == int.class) {
      return found != null && found.isIntegralNumber()
          ? "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE : "a whole number";
    }
    if (type == Long.class || type == long.class) {
      return found != null && found.isIntegralNumber()
          ? "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE : "a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    return "a value of another kind";
  }

  /** Text from a request in quotes, printable and cut short. */
  static String quoted(String text) {
    return "\"" + shorten(printable(text)) + "\"";
  }

  /** The index of the first unpaired UTF-16 surrogate in {@code text}, or -1 when it is valid Unicode. */
  static int unpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Text from a request, safe to put into an answer: control characters and unpaired surrogates
   * (which no JSON encoder can write as UTF-8) become {@code \}{@code uXXXX} escapes.
   */
  static String printable(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1));
      if (pair) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c) || Character.isISOControl(c)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String shorten(String text) {
    if (text.length() <= SHOWN) {
      return text;
    }
    return text.substring(0, Character.isHighSurrogate(text.charAt(SHOWN - 1)) ? SHOWN - 1 : SHOWN) + "...";
  }
}
