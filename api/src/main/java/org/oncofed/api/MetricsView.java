package org.oncofed.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.Nullable;
import java.util.List;

/**
 * Classification metrics of one evaluation (a site, or several pooled), as the API and report
 * show them. AUC comes with the bounds the binned score histograms allow; proportions come with
 * Wilson 95 % intervals and AUC with a Hanley-McNeil 95 % interval.
 *
 * <p>Undefined values (a precision with no positive prediction, say) are null, never NaN.
 *
 * @param balancedAccuracy mean sensitivity over the classes that occur
 * @param confusion counts[actual][predicted] in class order
 */
@Serdeable
public record MetricsView(
    long examples,
    @Nullable Double accuracy,
    Ci accuracyCi,
    @Nullable Double balancedAccuracy,
    Ci balancedAccuracyCi,
    @Nullable Double meanLoss,
    @Nullable Double macroPrecision,
    @Nullable Double macroSensitivity,
    @Nullable Double macroSpecificity,
    @Nullable Double macroF1,
    Auc macroAuc,
    List<ClassView> perClass,
    long[][] confusion) {

  /**
   * @param estimate trapezoid over the histogram bins; the AUC of the unbinned scores lies in [lower, upper]
   * @param ci 95 % confidence interval of the AUC, covering the binning bounds too
   */
  @Serdeable
  public record Auc(@Nullable Double lower, @Nullable Double estimate, @Nullable Double upper, Ci ci) {}

  /** A 95 % confidence interval; both ends null when the quantity is undefined. */
  @Serdeable
  public record Ci(@Nullable Double lower, @Nullable Double upper) {}

  @Serdeable
  public record ClassView(String label, long support, @Nullable Double precision, Ci precisionCi,
      @Nullable Double sensitivity, Ci sensitivityCi, @Nullable Double specificity, Ci specificityCi,
      @Nullable Double f1, Auc auc, List<Point> roc) {}

  /** A point of a one-vs-rest ROC curve. */
  @Serdeable
  public record Point(double threshold, double falsePositiveRate, double truePositiveRate) {}
}
