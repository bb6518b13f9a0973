package org.oncofed.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.Nullable;
import java.util.List;

/**
 * Classification metrics of one evaluation (a site, or several pooled), as the API and report
 * show them. AUC comes with the bounds the binned score histograms allow.
 *
 * <p>Undefined values (a precision with no positive prediction, say) are null, never NaN.
 *
 * @param confusion counts[actual][predicted] in class order
 */
@Serdeable
public record MetricsView(
    long examples,
    @Nullable Double accuracy,
    @Nullable Double meanLoss,
    @Nullable Double macroPrecision,
    @Nullable Double macroSensitivity,
    @Nullable Double macroSpecificity,
    @Nullable Double macroF1,
    Auc macroAuc,
    List<ClassView> perClass,
    long[][] confusion) {

  /** @param estimate trapezoid over the histogram bins; the true AUC lies in [lower, upper] */
  @Serdeable
  public record Auc(@Nullable Double lower, @Nullable Double estimate, @Nullable Double upper) {}

  @Serdeable
  public record ClassView(String label, long support, @Nullable Double precision, @Nullable Double sensitivity,
      @Nullable Double specificity, @Nullable Double f1, Auc auc, List<Point> roc) {}

  /** A point of a one-vs-rest ROC curve. */
  @Serdeable
  public record Point(double threshold, double falsePositiveRate, double truePositiveRate) {}
}
