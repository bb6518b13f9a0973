package org.oncofed.common.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.oncofed.common.hash.Sha256;

/**
 * Provenance of a global model: either the initial model of an experiment (round 0: seeded from
 * the spec, optionally with pretrained weights) or the aggregate of one round's updates.
 *
 * @param parentModelSha256 the previous global model; {@code null} for the initial model
 * @param aggregation how the round combined its updates; {@code null} for the initial model
 * @param initialWeightsSha256 SHA-256 of the pretrained weights file the initial model started
 *     from; {@code null} when it was seeded at random or for later rounds
 * @param parametersSha256 SHA-256 of the encoded global model this record describes
 */
@JsonIgnoreProperties(value = "kind", allowGetters = true)
public record GlobalModelProvenance(
    int formatVersion,
    String experimentId,
    int round,
    String parentModelSha256,
    ModelSpec model,
    Aggregation aggregation,
    String initialWeightsSha256,
    String parametersSha256,
    RuntimeEnvironment runtime,
    long createdAtMs)
    implements Provenance {

  public static final String KIND = "global-model";

  /**
   * How a round's updates were combined.
   *
   * @param strategy strategy name, for example {@code fedavg}
   * @param settings the strategy's numeric settings by name
   * @param contributions the updates folded in, in the order they were accepted
   */
  public record Aggregation(String strategy, Map<String, Double> settings, List<Contribution> contributions) {
    public Aggregation {
      Objects.requireNonNull(strategy, "strategy");
      settings = Map.copyOf(settings);
      contributions = List.copyOf(contributions);
      if (contributions.isEmpty()) {
        throw new IllegalArgumentException("aggregation provenance needs at least one contribution");
      }
    }
  }

  /** One update folded into a global model, referenced by hashes only. */
  public record Contribution(String updateSha256, String provenanceSha256, long sampleCount) {
    public Contribution {
      Sha256.requireHexDigest(updateSha256, "contribution update hash");
      Sha256.requireHexDigest(provenanceSha256, "contribution provenance hash");
    }
  }

  public GlobalModelProvenance {
    if (formatVersion != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "global model provenance: format version must be " + FORMAT_VERSION + ", found " + formatVersion);
    }
    Objects.requireNonNull(experimentId, "experimentId");
    Objects.requireNonNull(model, "model");
    Sha256.requireHexDigest(parametersSha256, "global model hash");
    Objects.requireNonNull(runtime, "runtime");
    boolean initial = parentModelSha256 == null;
    if (initial != (aggregation == null)) {
      throw new IllegalArgumentException(
          "global model provenance: an initial model has neither parent nor aggregation, a later one has both");
    }
    if (!initial) {
      Sha256.requireHexDigest(parentModelSha256, "parent model hash");
      if (initialWeightsSha256 != null) {
        throw new IllegalArgumentException("global model provenance: only the initial model has initial weights");
      }
    } else if (initialWeightsSha256 != null) {
      Sha256.requireHexDigest(initialWeightsSha256, "initial weights hash");
    }
  }

  /** Provenance of an experiment's initial model; {@code initialWeightsSha256} may be {@code null}. */
  public static GlobalModelProvenance initial(
      String experimentId,
      ModelSpec model,
      String initialWeightsSha256,
      String parametersSha256,
      RuntimeEnvironment runtime,
      long createdAtMs) {
    return new GlobalModelProvenance(
        FORMAT_VERSION, experimentId, 0, null, model, null, initialWeightsSha256, parametersSha256, runtime,
        createdAtMs);
  }

  /** Provenance of the model a round aggregated. */
  public static GlobalModelProvenance aggregated(
      String experimentId,
      int round,
      String parentModelSha256,
      ModelSpec model,
      Aggregation aggregation,
      String parametersSha256,
      RuntimeEnvironment runtime,
      long createdAtMs) {
    return new GlobalModelProvenance(
        FORMAT_VERSION, experimentId, round, parentModelSha256, model, Objects.requireNonNull(aggregation, "aggregation"),
        null, parametersSha256, runtime, createdAtMs);
  }

  @Override
  @JsonProperty("kind")
  public String kind() {
    return KIND;
  }

  public static GlobalModelProvenance parse(String json) {
    return Provenance.parse(json, KIND, GlobalModelProvenance.class);
  }
}
