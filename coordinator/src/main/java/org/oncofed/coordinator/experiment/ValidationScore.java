package org.oncofed.coordinator.experiment;

import java.util.Collection;
import org.oncofed.common.metrics.ClassificationMetrics;
import org.oncofed.common.metrics.EvaluationCounts;

/**
 * The pooled validation metric that picks the best global model and drives early stopping:
 * counts from every site are summed first, so each example weighs the same wherever it lives.
 */
final class ValidationScore {

  /** Used when the experiment asks for no early stopping: robust to class imbalance. */
  static final String DEFAULT_METRIC = "macro_f1";

  private ValidationScore() {}

  /** The metric over pooled counts, or NaN when there are none. */
  static double of(String metric, Collection<EvaluationCounts> sites) {
    if (sites.isEmpty()) {
      return Double.NaN;
    }
    ClassificationMetrics pooled = ClassificationMetrics.pooled(sites);
    return switch (metric) {
      case "accuracy" -> pooled.accuracy();
      case "macro_f1" -> pooled.macroF1();
      case "macro_auc" -> pooled.macroAuc().estimate();
      default -> throw new IllegalArgumentException("unknown validation metric '" + metric + "'");
    };
  }
}
