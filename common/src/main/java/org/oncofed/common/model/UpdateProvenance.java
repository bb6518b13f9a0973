package org.oncofed.common.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import org.oncofed.common.hash.Sha256;

/**
 * Provenance of one local update, built by the node once the update's bytes are final (after any
 * privacy filter), and sent with it in the upload header.
 *
 * @param parentModelSha256 the global model training started from
 * @param preprocessing the data pipeline's steps, in order, as the pipeline describes them
 * @param sampleCount training examples per epoch, the update's aggregation weight
 * @param updateSha256 SHA-256 of the encoded update this record describes
 */
@JsonIgnoreProperties(value = "kind", allowGetters = true)
public record UpdateProvenance(
    int formatVersion,
    String experimentId,
    int round,
    String parentModelSha256,
    ModelSpec model,
    TrainingConfig training,
    DataFingerprint data,
    List<String> preprocessing,
    long sampleCount,
    String updateSha256,
    RuntimeEnvironment runtime,
    long createdAtMs)
    implements Provenance {

  public static final String KIND = "local-update";

  public UpdateProvenance {
    if (formatVersion != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "update provenance: format version must be " + FORMAT_VERSION + ", found " + formatVersion);
    }
    Objects.requireNonNull(experimentId, "experimentId");
    Sha256.requireHexDigest(parentModelSha256, "parent model hash");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(data, "data");
    preprocessing = List.copyOf(preprocessing);
    if (sampleCount <= 0) {
      throw new IllegalArgumentException("update provenance: sample count must be positive, found " + sampleCount);
    }
    Sha256.requireHexDigest(updateSha256, "update hash");
    Objects.requireNonNull(runtime, "runtime");
  }

  /** Provenance in the current format version. */
  public static UpdateProvenance of(
      String experimentId,
      int round,
      String parentModelSha256,
      ModelSpec model,
      TrainingConfig training,
      DataFingerprint data,
      List<String> preprocessing,
      long sampleCount,
      String updateSha256,
      RuntimeEnvironment runtime,
      long createdAtMs) {
    return new UpdateProvenance(
        FORMAT_VERSION, experimentId, round, parentModelSha256, model, training, data, preprocessing,
        sampleCount, updateSha256, runtime, createdAtMs);
  }

  @Override
  @JsonProperty("kind")
  public String kind() {
    return KIND;
  }

  public static UpdateProvenance parse(String json) {
    return Provenance.parse(json, KIND, UpdateProvenance.class);
  }
}
