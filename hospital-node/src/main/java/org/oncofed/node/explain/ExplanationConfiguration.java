package org.oncofed.node.explain;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Whether and how much the node explains the global model on its own test slices.
 *
 * @param perClass test slices explained per true class, the first ones in the split's order; 0 turns
 *     explanations off
 */
@ConfigurationProperties("oncofed.node.explanations")
public record ExplanationConfiguration(@Bindable(defaultValue = "4") int perClass) {

  public ExplanationConfiguration {
    if (perClass < 0) {
      throw new IllegalArgumentException(
          "oncofed.node.explanations.per-class must be 0 (off) or a positive count, found " + perClass);
    }
  }
}
