package org.oncofed.common.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Metrics of a classifier from aggregate counts, for one site or pooled over sites.
 *
 * <p><b>Undefined values.</b> A rate whose denominator is zero (precision of a class never
 * predicted, sensitivity of a class that never occurs, AUC of a class without positives or
 * negatives, accuracy of no examples) is {@code NaN}: never an exception and never a silent 0,
 * so an absent class is not mistaken for a failing one. Macro averages are taken over the classes
 * where the metric is defined, and are NaN only when it is defined for none.
 *
 * @param examples examples evaluated
 * @param accuracy correct predictions over examples
 * @param meanLoss mean cross-entropy
 * @param perClass one-vs-rest metrics in class order
 * @param macroAuc the macro average of the per-class AUC estimates and of their bounds
 * @param accuracyInterval Wilson 95 % interval of the accuracy
 * @param balancedAccuracy the mean sensitivity over the classes that occur (the macro sensitivity)
 * @param balancedAccuracyInterval see {@link ConfidenceIntervals#balancedAccuracy}
 * @param macroAucInterval the mean of the per-class AUC intervals' ends: exact for two classes
 *     (whose one-vs-rest AUCs are equal) and conservative otherwise, as if the classes' errors
 *     were perfectly correlated
 */
public record ClassificationMetrics(
    long examples,
    double accuracy,
    double meanLoss,
    List<ClassMetrics> perClass,
    double macroPrecision,
    double macroSensitivity,
    double macroSpecificity,
    double macroF1,
    AucEstimate macroAuc,
    Interval accuracyInterval,
    double balancedAccuracy,
    Interval balancedAccuracyInterval,
    Interval macroAucInterval) {

  public ClassificationMetrics {
    perClass = List.copyOf(perClass);
  }

  public static ClassificationMetrics of(EvaluationCounts counts) {
    Objects.requireNonNull(counts, "counts");
    ConfusionMatrix confusion = counts.confusion();
    List<ClassMetrics> perClass = new ArrayList<>();
    for (ScoreHistogram histogram : counts.histograms()) {
      perClass.add(ClassMetrics.of(confusion, histogram));
    }
    return new ClassificationMetrics(
        confusion.total(),
        ClassMetrics.ratio(confusion.correct(), confusion.total()),
        counts.meanLoss(),
        perClass,
        macro(perClass, ClassMetrics::precision),
        macro(perClass, ClassMetrics::sensitivity),
        macro(perClass, ClassMetrics::specificity),
        macro(perClass, ClassMetrics::f1),
        new AucEstimate(
            macro(perClass, m -> m.auc().lower()),
            macro(perClass, m -> m.auc().estimate()),
            macro(perClass, m -> m.auc().upper())),
        ConfidenceIntervals.wilson(confusion.correct(), confusion.total()),
        macro(perClass, ClassMetrics::sensitivity),
        balancedAccuracyInterval(confusion),
        new Interval(macro(perClass, m -> m.aucInterval().lower()), macro(perClass, m -> m.aucInterval().upper())));
  }

  private static Interval balancedAccuracyInterval(ConfusionMatrix confusion) {
    long[] correct = new long[confusion.classes()];
    long[] support = new long[confusion.classes()];
    for (int c = 0; c < correct.length; c++) {
      correct[c] = confusion.truePositives(c);
      support[c] = confusion.actual(c);
    }
    return ConfidenceIntervals.balancedAccuracy(correct, support);
  }

  /** Metrics of all sites' examples together (counts summed first, then rates computed). */
  public static ClassificationMetrics pooled(Collection<EvaluationCounts> sites) {
    return of(EvaluationCounts.pool(sites));
  }

  private static double macro(List<ClassMetrics> perClass, ToDoubleFunction<ClassMetrics> metric) {
    double sum = 0;
    int defined = 0;
    for (ClassMetrics m : perClass) {
      double value = metric.applyAsDouble(m);
      if (!Double.isNaN(value)) {
        sum += value;
        defined++;
      }
    }
    return defined == 0 ? Double.NaN : sum / defined;
  }
}
