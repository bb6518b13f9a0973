package org.oncofed.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The experiment configuration the lab runs, as JSON in the REST API's {@code ExperimentConfig}
 * format: the researcher's file or the lab's default. The lab sets only what it owns (who takes
 * part, the quorum, baselines, the name) and the command line's overrides; every other setting
 * passes through untouched, and the coordinator validates the whole.
 */
final class LabConfig {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEFAULT = "lab-config.json";

  private final ObjectNode config;

  private LabConfig(ObjectNode config) {
    this.config = config;
  }

  /** The file's configuration, or the default when {@code file} is null. */
  static LabConfig load(Path file) throws IOException {
    JsonNode parsed;
    if (file == null) {
      try (InputStream in = LabConfig.class.getResourceAsStream(DEFAULT)) {
        parsed = JSON.readTree(in);
      }
    } else {
      if (!Files.isRegularFile(file)) {
        throw new IOException("configuration file " + file + " does not exist");
      }
      try {
        parsed = JSON.readTree(file.toFile());
      } catch (JsonProcessingException e) {
        // The parser's own message names the line and column; as the cause it would replace this one.
        throw new IOException("configuration file " + file + " is not valid JSON: " + e.getOriginalMessage()
            + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
      }
    }
    if (parsed == null || !parsed.isObject()) {
      throw new IOException("configuration " + (file == null ? DEFAULT : file) + " must be one JSON object");
    }
    return new LabConfig((ObjectNode) parsed);
  }

  /** Applies the command line's overrides; null leaves the configured value. */
  LabConfig override(Integer rounds, Integer epochs, Long seed) throws IOException {
    ObjectNode copy = config.deepCopy();
    if (rounds != null) {
      copy.put("rounds", rounds);
    }
    if (epochs != null) {
      object(copy, "training").put("epochs", epochs);
    }
    if (seed != null) {
      object(copy, "model").put("seed", seed);
      object(copy, "training").put("seed", seed);
    }
    return new LabConfig(copy);
  }

  /** The configuration for an experiment over {@code sites}, all of them required, with or without baselines. */
  String forSites(String name, List<String> sites, boolean localBaselines) {
    ObjectNode copy = config.deepCopy();
    copy.put("name", name);
    copy.put("minNodes", sites.size());
    copy.put("sampleFraction", 1.0);
    copy.put("localBaselines", localBaselines);
    copy.putArray("sites").addAll(sites.stream().map(copy::textNode).toList());
    return copy.toString();
  }

  int rounds() {
    return config.path("rounds").asInt();
  }

  int epochs() {
    return config.path("training").path("epochs").asInt();
  }

  JsonNode json() {
    return config.deepCopy();
  }

  private static ObjectNode object(ObjectNode parent, String field) throws IOException {
    JsonNode child = parent.get(field);
    if (child == null) {
      return parent.putObject(field);
    }
    if (!child.isObject()) {
      throw new IOException("configuration field '" + field + "' must be an object, found " + child.getNodeType());
    }
    return (ObjectNode) child;
  }
}
