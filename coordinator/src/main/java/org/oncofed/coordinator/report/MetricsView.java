package org.oncofed.coordinator.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.oncofed.common.TumourClass;
import org.oncofed.common.metrics.AucEstimate;
import org.oncofed.common.metrics.ClassMetrics;
import org.oncofed.common.metrics.ClassificationMetrics;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.common.metrics.RocPoint;

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
  public record Auc(@Nullable Double lower, @Nullable Double estimate, @Nullable Double upper) {
    static Auc of(AucEstimate auc) {
      return new Auc(defined(auc.lower()), defined(auc.estimate()), defined(auc.upper()));
    }
  }

  @Serdeable
  public record ClassView(String label, long support, @Nullable Double precision, @Nullable Double sensitivity,
      @Nullable Double specificity, @Nullable Double f1, Auc auc, List<Point> roc) {}

  /** A point of a one-vs-rest ROC curve. */
  @Serdeable
  public record Point(double threshold, double falsePositiveRate, double truePositiveRate) {
    static Point of(RocPoint point) {
      return new Point(point.threshold(), point.falsePositiveRate(), point.truePositiveRate());
    }
  }

  public static MetricsView of(EvaluationCounts counts) {
    return of(ClassificationMetrics.of(counts), counts);
  }

  public static MetricsView pooled(List<EvaluationCounts> sites) {
    EvaluationCounts pooled = EvaluationCounts.pool(sites);
    return of(ClassificationMetrics.of(pooled), pooled);
  }

  private static MetricsView of(ClassificationMetrics metrics, EvaluationCounts counts) {
    int classes = counts.confusion().classes();
    long[][] confusion = new long[classes][classes];
    for (int actual = 0; actual < classes; actual++) {
      for (int predicted = 0; predicted < classes; predicted++) {
        confusion[actual][predicted] = counts.confusion().count(actual, predicted);
      }
    }
    List<ClassView> perClass = metrics.perClass().stream().map(MetricsView::classView).toList();
    return new MetricsView(metrics.examples(), defined(metrics.accuracy()), defined(metrics.meanLoss()),
        defined(metrics.macroPrecision()), defined(metrics.macroSensitivity()), defined(metrics.macroSpecificity()),
        defined(metrics.macroF1()), Auc.of(metrics.macroAuc()), perClass, confusion);
  }

  private static ClassView classView(ClassMetrics c) {
    String label = c.classIndex() < TumourClass.values().length
        ? TumourClass.values()[c.classIndex()].label()
        : "class " + c.classIndex();
    return new ClassView(label, c.support(), defined(c.precision()), defined(c.sensitivity()),
        defined(c.specificity()), defined(c.f1()), Auc.of(c.auc()), c.roc().stream().map(Point::of).toList());
  }

  /** The value, or null when it is undefined (NaN or infinite). */
  static @Nullable Double defined(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
