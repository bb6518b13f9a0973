package org.oncofed.coordinator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.api.ExperimentReport;
import org.oncofed.api.ExperimentView;
import org.oncofed.api.FinalResults;
import org.oncofed.api.MetricsView;
import org.oncofed.api.RoundView;
import org.oncofed.common.TumourClass;
import org.oncofed.common.metrics.ConfusionMatrix;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.common.metrics.PriorClassifier;
import org.oncofed.common.metrics.ScoreHistogram;

class HtmlReportTest {

  @Test
  void rendersVerdictChartsTablesAndEscapesNames() {
    MetricsView metrics = MetricsViews.of(counts());
    RoundView round = new RoundView(1, "aggregated", Instant.EPOCH, Instant.EPOCH, List.of("alpha"), "a".repeat(64),
        "b".repeat(64), null, 0.9, List.of(new RoundView.ParticipantView("alpha", "completed", null, 30L, "c".repeat(64), 0.9)),
        metrics, Map.of("alpha", metrics));
    FinalResults results = new FinalResults(1,
        new FinalResults.ModelResult("b".repeat(64), null, metrics, Map.of("alpha", metrics)),
        List.of(new FinalResults.ModelResult("d".repeat(64), "alpha", metrics, Map.of("alpha", metrics))),
        new FinalResults.ModelResult("majority class", null, MetricsViews.of(PriorClassifier.evaluate(counts(),
            new long[] {6, 6, 6})), Map.of("alpha", metrics)),
        new FinalResults.Comparison(true, false, "The federated model beats every local-only model."));
    ExperimentReport report = new ExperimentReport("id-1", "<script>alert(1)</script>", "COMPLETED", null, "rhea",
        Instant.EPOCH, Instant.EPOCH, "e".repeat(64), config(), TumourClass.labels(), List.of(round), results,
        List.of(new ExperimentView.SiteView("alpha", "approved", "f".repeat(64), "2.4671", 1e-5, 8.0)));

    String html = HtmlReport.render(report);

    assertThat(html).startsWith("<!DOCTYPE html>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)</script>")
        .contains("The federated model beats every local-only model.")
        .contains("<svg", "Training loss", "Pooled validation", "Pooled test ROC")
        .contains("local-only (alpha)", "actual \\ predicted")
        .contains("<td class=\"l\">alpha</td><td class=\"l\">approved</td><td>2.4671</td><td>1.0E-5</td><td>8.0</td>")
        .contains("majority class (reference)", "balanced accuracy [95% CI]")
        // Accuracy 14/18 with its Wilson interval; the prior classifier's AUC is one half, all pairs tied.
        .contains("0.778 [0.548, 0.910]", "0.500 [");
  }

  private static EvaluationCounts counts() {
    ConfusionMatrix confusion = ConfusionMatrix.of(3, new long[] {5, 1, 0, 1, 4, 1, 0, 1, 5});
    List<ScoreHistogram> histograms = List.of(
        ScoreHistogram.of(0, new long[] {0, 6}, new long[] {10, 2}),
        ScoreHistogram.of(1, new long[] {1, 5}, new long[] {9, 3}),
        ScoreHistogram.of(2, new long[] {0, 6}, new long[] {11, 1}));
    return new EvaluationCounts(confusion, histograms, 0.5);
  }

  private static ExperimentConfig config() {
    return new ExperimentConfig("t", new ExperimentConfig.ModelConfig("small-cnn", 32, null, null),
        new ExperimentConfig.LocalTraining(1, 8, null, 0.01, null, null, null, null, null, null, null, null, null, null, null, null, null), null, 1, 1, null, null,
        null, null, null, null).withDefaults();
  }
}
