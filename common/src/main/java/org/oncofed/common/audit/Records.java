package org.oncofed.common.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/** Strict field access for JSON records read back from exports and ledgers: wrong shapes fail by name. */
final class Records {

  private Records() {}

  static void requireOnly(JsonNode node, Set<String> allowed, String what) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(what + " must be a JSON object, found " + node.getNodeType());
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException(what + " has unknown field '" + name + "'");
      }
    }
  }

  static JsonNode field(JsonNode node, String name, String what) {
    JsonNode value = node.get(name);
    if (value == null) {
      throw new IllegalArgumentException(what + " lacks field '" + name + "'");
    }
    return value;
  }

  static String textField(JsonNode node, String name, String what) {
    JsonNode value = field(node, name, what);
    if (!value.isTextual()) {
      throw new IllegalArgumentException(what + "." + name + " must be a string, found " + value.getNodeType());
    }
    return value.textValue();
  }

  static long longField(JsonNode node, String name, String what) {
    JsonNode value = field(node, name, what);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new IllegalArgumentException(what + "." + name + " must be an integer, found '" + value + "'");
    }
    return value.longValue();
  }

  static String optionalText(JsonNode node, String name, String what) {
    return node.has(name) ? textField(node, name, what) : null;
  }

  static Integer optionalInt(JsonNode node, String name, String what) {
    if (!node.has(name)) {
      return null;
    }
    JsonNode value = node.get(name);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new IllegalArgumentException(what + "." + name + " must be a 32-bit integer, found '" + value + "'");
    }
    return value.intValue();
  }
}
