package org.oncofed.common.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.oncofed.common.hash.CanonicalJson;

/**
 * Immutable lineage of a parameter vector, in the spirit of Tribuo's model provenance: enough to
 * say how it was produced and to reproduce it, and nothing about any patient. Encoded as
 * canonical JSON, so its SHA-256 is the same wherever it is recomputed; audit events and update
 * headers reference that hash.
 *
 * <p>The format is versioned: {@link #FORMAT_VERSION} is written into every record, and readers
 * refuse versions they do not know instead of misreading them.
 */
public sealed interface Provenance permits UpdateProvenance, GlobalModelProvenance {

  /** The provenance format this release writes and reads. */
  int FORMAT_VERSION = 1;

  int formatVersion();

  /** {@code local-update} or {@code global-model}, written into the JSON. */
  String kind();

  default String canonicalJson() {
    return CanonicalJson.encode(this);
  }

  default String sha256() {
    return CanonicalJson.sha256(this);
  }

  /** Parses provenance JSON of the given kind and type, refusing other kinds and unknown versions. */
  static <T extends Provenance> T parse(String json, String kind, Class<T> type) {
    JsonNode tree = CanonicalJson.parse(json);
    JsonNode version = tree.get("formatVersion");
    if (version == null || !version.canConvertToInt()) {
      throw new IllegalArgumentException("provenance has no formatVersion");
    }
    if (version.intValue() != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "provenance format version " + version.intValue() + " is not supported: this release reads version "
              + FORMAT_VERSION);
    }
    String foundKind = tree.path("kind").asText("");
    if (!foundKind.equals(kind)) {
      throw new IllegalArgumentException("expected " + kind + " provenance, found kind '" + foundKind + "'");
    }
    try {
      return CanonicalJson.mapper().treeToValue(tree, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid " + kind + " provenance: " + e.getMessage(), e);
    }
  }
}
