package org.oncofed.coordinator.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.metrics.ConfusionMatrix;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.common.metrics.ScoreHistogram;

/** Stores evaluation counts as readable JSON: the confusion matrix and per-class score histograms. */
final class EvaluationCountsJson {

  record Histogram(int classIndex, long[] positives, long[] negatives) {}

  record Stored(int classes, long[] confusion, List<Histogram> histograms, double meanLoss) {}

  private EvaluationCountsJson() {}

  static String write(EvaluationCounts counts) {
    return CanonicalJson.encode(new Stored(
        counts.confusion().classes(),
        counts.confusion().toRowMajor(),
        counts.histograms().stream()
            .map(h -> new Histogram(h.classIndex(), h.positiveCounts(), h.negativeCounts()))
            .toList(),
        counts.meanLoss()));
  }

  static EvaluationCounts read(String json) {
    try {
      Stored stored = CanonicalJson.mapper().readValue(json, Stored.class);
      return new EvaluationCounts(
          ConfusionMatrix.of(stored.classes(), stored.confusion()),
          stored.histograms().stream()
              .map(h -> ScoreHistogram.of(h.classIndex(), h.positives(), h.negatives()))
              .toList(),
          stored.meanLoss());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored evaluation counts are not readable: " + e.getOriginalMessage(), e);
    }
  }
}
