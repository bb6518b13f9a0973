package org.oncofed.node.task;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * What this site agrees to run, set by its IT or research governance. A task outside these bounds
 * is declined with the reason; the coordinator sees only the reason.
 *
 * @param allowedArchitectures catalogue entries the site will train; empty allows the whole catalogue
 * @param maxEpochs most local epochs one task may ask for (local baselines ask for rounds × epochs)
 * @param maxInputSize largest input size in pixels
 * @param maxBatchSize largest minibatch
 * @param minNoiseMultiplier the least differential-privacy noise the site requires on its updates
 * @param maxClipNorm the largest clip norm the site accepts; 0 means updates need not be clipped
 * @param shareBaseline whether the site's local-only baseline may leave it; when not, the site
 *     evaluates it on its own test split and only those counts leave
 */
@ConfigurationProperties("oncofed.node.policy")
public record PolicyConfiguration(
    @Bindable(defaultValue = "") List<String> allowedArchitectures,
    @Bindable(defaultValue = "1000") int maxEpochs,
    @Bindable(defaultValue = "512") int maxInputSize,
    @Bindable(defaultValue = "1024") int maxBatchSize,
    @Bindable(defaultValue = "0") double minNoiseMultiplier,
    @Bindable(defaultValue = "0") double maxClipNorm,
    @Bindable(defaultValue = "true") boolean shareBaseline) {

  public PolicyConfiguration {
    allowedArchitectures = allowedArchitectures == null
        ? List.of()
        : allowedArchitectures.stream().map(String::strip).filter(name -> !name.isEmpty()).toList();
  }
}
