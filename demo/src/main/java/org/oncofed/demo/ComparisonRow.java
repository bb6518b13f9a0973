package org.oncofed.demo;

import org.oncofed.api.MetricsView;

/**
 * One model of the lab's comparison, on a pooled test set: accuracy with its 95 % Wilson interval
 * from the confusion counts, balanced accuracy (the mean of the per-class sensitivities, classes
 * present only) and macro AUC with the bounds the report's histograms allow.
 *
 * @param testSet the test data the numbers are measured on
 */
record ComparisonRow(String model, String testSet, long examples, long correct, double accuracy,
    WilsonInterval accuracyInterval, Double balancedAccuracy, Double auc, Double aucLower, Double aucUpper) {

  static ComparisonRow of(String model, String testSet, MetricsView metrics) {
    if (metrics == null || metrics.examples() == 0) {
      throw new IllegalStateException("the report has no test metrics for " + model);
    }
    long correct = 0;
    long total = 0;
    for (int actual = 0; actual < metrics.confusion().length; actual++) {
      for (int predicted = 0; predicted < metrics.confusion()[actual].length; predicted++) {
        total += metrics.confusion()[actual][predicted];
        correct += actual == predicted ? metrics.confusion()[actual][predicted] : 0;
      }
    }
    return new ComparisonRow(model, testSet, total, correct, (double) correct / total, WilsonInterval.of(correct, total),
        metrics.macroSensitivity(), metrics.macroAuc().estimate(), metrics.macroAuc().lower(),
        metrics.macroAuc().upper());
  }
}
