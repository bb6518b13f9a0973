package org.oncofed.client.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An experiment configuration file (JSON, or YAML with the same structure) as a JSON tree, with
 * command-line overrides applied. It is not bound to a Java type here: the coordinator alone judges
 * the configuration, so that the CLI and the REST API give the same answers.
 */
final class ExperimentFile {

  // Strict: a key given twice or text after the object is a mistake, not something to guess about.
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final Path file;
  private final ObjectNode config;

  private ExperimentFile(Path file, ObjectNode config) {
    this.file = file;
    this.config = config;
  }

  /** Reads {@code file}; its extension chooses the syntax: .json, .yml or .yaml. */
  static ExperimentFile read(Path file) {
    ObjectMapper mapper = mapperFor(file);
    JsonNode tree;
    try {
      tree = mapper.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new BadInputException("experiment file not found: " + file);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new BadInputException(file + " is not valid " + syntax(file)
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
          + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage());
    }
    if (tree == null || !tree.isObject()) {
      throw new BadInputException(file + " must hold one object (the experiment configuration), found "
          + (tree == null || tree.isMissingNode() ? "nothing" : tree.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    return new ExperimentFile(file, (ObjectNode) tree);
  }

  /**
   * Replaces the value at {@code path} ("rounds", "training.epochs") with {@code value} (a number,
   * text or list), creating enclosing objects that are absent; a null value changes nothing.
   */
  ExperimentFile override(String path, Object value) {
    if (value == null) {
      return this;
    }
    String[] names = path.split("\\.");
    ObjectNode object = config;
    for (int i = 0; i < names.length - 1; i++) {
      JsonNode child = object.get(names[i]);
      if (child == null || child.isNull()) {
        object = object.putObject(names[i]);
      } else if (child instanceof ObjectNode nested) {
        object = nested;
      } else {
        throw new BadInputException("cannot set " + path + ": '" + names[i] + "' in " + file + " is not an object");
      }
    }
    object.set(names[names.length - 1], JSON.valueToTree(value));
    return this;
  }

  String json() {
    return config.toString();
  }

  private static ObjectMapper mapperFor(Path file) {
    return switch (syntax(file)) {
      case "JSON" -> JSON;
      case "YAML" -> YAML;
      default -> throw new BadInputException("experiment file must end in .json, .yml or .yaml, found " + file);
    };
  }

  private static String syntax(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return "JSON";
    }
    return name.endsWith(".yml") || name.endsWith(".yaml") ? "YAML" : "unknown";
  }
}
