package org.oncofed.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The end of an experiment: the best federated model and each site's local-only baseline, every
 * one evaluated on every site's test split, and whether federation paid off.
 *
 * @param federated the best global model (by pooled validation metric) on the pooled test data
 * @param baselines each site's local-only model on the same pooled test data
 * @param majorityClass the class-prior classifier (always the class most frequent in the pooled
 *     test data, scores the class shares) on the same test data: the reference every model must beat
 */
@Serdeable
public record FinalResults(
    @Nullable Integer bestRound,
    ModelResult federated,
    List<ModelResult> baselines,
    @Nullable ModelResult majorityClass,
    @Nullable Comparison comparison) {

  /**
   * @param trainedAt the site that trained a baseline; null for the federated model
   * @param test pooled over every site's test split
   * @param testBySite each site's test split alone
   */
  @Serdeable
  public record ModelResult(String model, @Nullable String trainedAt, @Nullable MetricsView test,
      Map<String, MetricsView> testBySite) {}

  /**
   * @param beatsEveryBaselineOnAccuracy federated pooled test accuracy above every baseline's
   * @param beatsEveryBaselineOnAuc federated pooled macro AUC (estimate) above every baseline's
   * @param verdict one sentence for people
   */
  @Serdeable
  public record Comparison(boolean beatsEveryBaselineOnAccuracy, boolean beatsEveryBaselineOnAuc, String verdict) {}
}
