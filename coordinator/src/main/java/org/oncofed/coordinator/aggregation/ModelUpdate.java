package org.oncofed.coordinator.aggregation;

import java.util.Objects;

/**
 * One node's trained parameters for a round, as the aggregation sees them. Strategies only read
 * {@code parameters}; the caller must not change the array while the update is being accepted.
 *
 * @param participant who sent the update (the site id from its certificate), for error messages
 *     and provenance
 * @param parameters the full trained parameter vector, in DL4J {@code params()} order (not a delta)
 * @param sampleCount training examples the update was computed on; its weight in weighted means
 */
public record ModelUpdate(String participant, float[] parameters, long sampleCount) {

  public ModelUpdate {
    Objects.requireNonNull(participant, "participant");
    Objects.requireNonNull(parameters, "parameters");
  }
}
