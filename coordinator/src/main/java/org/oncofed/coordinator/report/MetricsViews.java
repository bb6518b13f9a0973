package org.oncofed.coordinator.report;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import org.oncofed.api.MetricsView;
import org.oncofed.common.TumourClass;
import org.oncofed.common.metrics.AucEstimate;
import org.oncofed.common.metrics.ClassMetrics;
import org.oncofed.common.metrics.ClassificationMetrics;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.common.metrics.Interval;
import org.oncofed.common.metrics.RocPoint;

/** The API's view of evaluation counts: one site's, or several sites' pooled. */
final class MetricsViews {

  private MetricsViews() {}

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
    List<MetricsView.ClassView> perClass = metrics.perClass().stream().map(MetricsViews::classView).toList();
    return new MetricsView(metrics.examples(), defined(metrics.accuracy()), ci(metrics.accuracyInterval()),
        defined(metrics.balancedAccuracy()), ci(metrics.balancedAccuracyInterval()), defined(metrics.meanLoss()),
        defined(metrics.macroPrecision()), defined(metrics.macroSensitivity()), defined(metrics.macroSpecificity()),
        defined(metrics.macroF1()), auc(metrics.macroAuc(), metrics.macroAucInterval()), perClass, confusion);
  }

  private static MetricsView.ClassView classView(ClassMetrics c) {
    String label = c.classIndex() < TumourClass.values().length
        ? TumourClass.values()[c.classIndex()].label()
        : "class " + c.classIndex();
    return new MetricsView.ClassView(label, c.support(), defined(c.precision()), ci(c.precisionInterval()),
        defined(c.sensitivity()), ci(c.sensitivityInterval()), defined(c.specificity()), ci(c.specificityInterval()),
        defined(c.f1()), auc(c.auc(), c.aucInterval()), c.roc().stream().map(MetricsViews::point).toList());
  }

  private static MetricsView.Auc auc(AucEstimate auc, Interval interval) {
    return new MetricsView.Auc(defined(auc.lower()), defined(auc.estimate()), defined(auc.upper()), ci(interval));
  }

  private static MetricsView.Ci ci(Interval interval) {
    return new MetricsView.Ci(defined(interval.lower()), defined(interval.upper()));
  }

  private static MetricsView.Point point(RocPoint point) {
    return new MetricsView.Point(point.threshold(), point.falsePositiveRate(), point.truePositiveRate());
  }

  /** The value, or null when it is undefined (NaN or infinite). */
  private static @Nullable Double defined(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
