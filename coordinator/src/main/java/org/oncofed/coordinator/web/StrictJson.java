package org.oncofed.coordinator.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a JSON request body into an API record without guessing. A lenient reader turns
 * {@code "yes"} into false, {@code 2.5} into 2, {@code "3"} into 3 and {@code 1e400} into infinity,
 * and stops at the end of the first document; this one refuses each, naming the field by its JSON
 * path ({@code training.epochs}, {@code sites[1]}) and saying what was expected and what was found:
 *
 * <ul>
 *   <li>the body is exactly one JSON document: nothing may follow it, no key may repeat;
 *   <li>every number is finite: NaN, Infinity and numbers beyond the range of a double are refused
 *       wherever they stand, including in maps whose values are not checked further;
 *   <li>all text is valid Unicode (no unpaired surrogate), so that it can be stored, hashed and
 *       recorded in the audit trail;
 *   <li>values have the declared JSON type: whole numbers only where a count belongs, numbers (not
 *       text) where a number belongs, {@code true} or {@code false} where a flag belongs, text
 *       where text belongs; lists and maps hold no nulls; properties are known ones.
 * </ul>
 *
 * A {@code null} or absent property is left null, for the record's constraints to judge.
 */
final class StrictJson {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      // Parsed, so that the finiteness check below refuses them with their field's name.
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      // 3.0 stays 3.0, so that an error can say what was found.
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      // No value is converted from one JSON type to another (text to number, fraction to count, ...).
      .withCoercionConfigDefaults(config -> {
        for (CoercionInputShape shape : CoercionInputShape.values()) {
          config.setCoercion(shape, CoercionAction.Fail);
        }
      })
      // A whole number is a number wherever a number belongs.
      .withCoercionConfig(LogicalType.Float, config -> config.setCoercion(CoercionInputShape.Integer,
          CoercionAction.TryConvert))
      .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
      .withConfigOverride(Map.class, o -> o.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
      .build();

  private StrictJson() {}

  /** Parses one complete JSON document whose numbers are finite and whose text is valid Unicode. */
  static JsonNode parse(byte[] body) {
    JsonNode tree;
    try (JsonParser parser = MAPPER.createParser(body)) {
      tree = MAPPER.readTree(parser);
      if (tree == null || tree.isMissingNode()) {
        throw new BadRequestException(null, "expected a JSON object, found an empty body");
      }
      requireEnd(parser);
    } catch (JsonProcessingException e) {
      throw new BadRequestException(pointerField(e), JsonValues.printable(e.getOriginalMessage()) + at(e.getLocation()));
    } catch (IOException e) {
      throw new BadRequestException(null, "unreadable body: " + e.getMessage());
    }
    check(tree, "");
    return tree;
  }

  /** Binds a parsed document to {@code type} with the rules above. */
  static <T> T bind(JsonNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (UnrecognizedPropertyException e) {
      String field = path(e.getPath());
      String container = field.contains(".") ? field.substring(0, field.lastIndexOf('.')) : "the request";
      throw new BadRequestException(field, "unknown property '" + JsonValues.printable(e.getPropertyName()) + "' in "
          + container + accepted(e.getReferringClass()));
    } catch (JsonMappingException e) {
      String field = path(e.getPath());
      JsonNode found = tree.at(pointer(e.getPath()));
      throw new BadRequestException(field.isEmpty() ? null : field,
          "expected " + JsonValues.expected(targetType(e), found) + ", found " + JsonValues.found(found));
    } catch (JsonProcessingException e) {
      throw new BadRequestException(null, JsonValues.printable(e.getOriginalMessage()));
    }
  }

  private static void requireEnd(JsonParser parser) throws IOException {
    JsonLocation end = parser.currentLocation();
    JsonToken next;
    try {
      next = parser.nextToken();
    } catch (JsonProcessingException garbage) {
      next = JsonToken.NOT_AVAILABLE;
    }
    if (next != null) {
      throw new BadRequestException(null, "expected the body to end after the JSON document, found more" + at(end));
    }
  }

  /** Refuses non-finite numbers and text that is not valid Unicode, anywhere in the tree. */
  private static void check(JsonNode node, String field) {
    if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
      throw new BadRequestException(field.isEmpty() ? null : field, "expected a finite number, found "
          + JsonValues.found(node) + (node.isDouble() ? "" : " (beyond the range of a double)"));
    }
    if (node.isTextual()) {
      requireUnicode(node.textValue(), field);
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), field + "[" + i + "]");
      }
    }
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      String name = member.getKey();
      String memberField = field.isEmpty() ? JsonValues.printable(name) : field + "." + JsonValues.printable(name);
      requireUnicode(name, memberField);
      check(member.getValue(), memberField);
    }
  }

  private static void requireUnicode(String text, String field) {
    int unpaired = JsonValues.unpairedSurrogate(text);
    if (unpaired >= 0) {
      throw new BadRequestException(field.isEmpty() ? null : field, String.format(
          "expected valid Unicode text, found an unpaired surrogate \\u%04X at character %d", (int) text.charAt(unpaired),
          unpaired + 1));
    }
  }

  private static Class<?> targetType(JsonMappingException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
        return mismatch.getTargetType();
      }
      if (cause instanceof InputCoercionException coercion && coercion.getTargetType() != null) {
        return coercion.getTargetType();
      }
    }
    return Object.class;
  }

  /** "training.epochs", "sites[1]", "strategy.settings.eta"; empty for the document itself. */
  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getIndex() >= 0) {
        field.append('[').append(reference.getIndex()).append(']');
      } else if (reference.getFieldName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(JsonValues.printable(reference.getFieldName()));
      }
    }
    return field.toString();
  }

  private static JsonPointer pointer(List<JsonMappingException.Reference> references) {
    JsonPointer pointer = JsonPointer.empty();
    for (JsonMappingException.Reference reference : references) {
      pointer = reference.getIndex() >= 0 ? pointer.appendIndex(reference.getIndex())
          : reference.getFieldName() != null ? pointer.appendProperty(reference.getFieldName()) : pointer;
    }
    return pointer;
  }

  /** The field the parser was reading when it failed, for syntax errors such as a repeated key. */
  private static String pointerField(JsonProcessingException e) {
    if (!(e.getProcessor() instanceof JsonParser parser)) {
      return null;
    }
    Deque<String> segments = new ArrayDeque<>();
    for (JsonStreamContext context = parser.getParsingContext(); context != null; context = context.getParent()) {
      if (context.inArray()) {
        segments.push("[" + Math.max(context.getCurrentIndex(), 0) + "]");
      } else if (context.inObject() && context.getCurrentName() != null) {
        segments.push("." + JsonValues.printable(context.getCurrentName()));
      }
    }
    String field = String.join("", segments);
    return field.isEmpty() ? null : field.startsWith(".") ? field.substring(1) : field;
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static String accepted(Class<?> type) {
    if (type == null || !type.isRecord()) {
      return "";
    }
    return "; accepted: " + Arrays.stream(type.getRecordComponents())
        .map(component -> component.getName())
        .collect(Collectors.joining(", "));
  }
}
