package org.oncofed.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oncofed.api.FinalResults;

/**
 * The lab's answer: the federated model, every site's local-only model and the centralised
 * reference, each on pooled test data, as the two experiment reports give them.
 */
final class ComparisonTable {

  static final String SITES_TEST = "every site's test split";
  static final String POOLED_TEST = "the pooled node's test split";

  private final List<ComparisonRow> rows;

  private ComparisonTable(List<ComparisonRow> rows) {
    this.rows = rows;
  }

  /**
   * Rows from the federated experiment's results (with a baseline of every one of {@code sites})
   * and the centralised one's.
   */
  static ComparisonTable of(FinalResults federated, FinalResults centralised, List<String> sites) {
    if (federated == null || centralised == null) {
      throw new IllegalStateException("an experiment completed without final results");
    }
    List<String> missing = new ArrayList<>(sites);
    federated.baselines().forEach(baseline -> missing.remove(baseline.trainedAt()));
    if (!missing.isEmpty()) {
      throw new IllegalStateException("the federated experiment has no local-only model of " + String.join(", ", missing)
          + "; the coordinator's log says why (with a single round a baseline repeats the round's update exactly, "
          + "which is refused as a replay)");
    }
    List<ComparisonRow> rows = new ArrayList<>();
    rows.add(ComparisonRow.of("federated (round " + federated.bestRound() + ")", SITES_TEST, federated.federated().test()));
    for (FinalResults.ModelResult baseline : federated.baselines()) {
      rows.add(ComparisonRow.of("local-only " + baseline.trainedAt(), SITES_TEST, baseline.test()));
    }
    rows.add(ComparisonRow.of("centralised (round " + centralised.bestRound() + ")", POOLED_TEST,
        centralised.federated().test()));
    return new ComparisonTable(List.copyOf(rows));
  }

  List<ComparisonRow> rows() {
    return rows;
  }

  /** The table as printed: one line per model, intervals in brackets. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%-30s %6s  %-22s %8s  %-22s", "model", "test n", "accuracy [95% Wilson]",
        "bal.acc", "macro AUC [bounds]"));
    for (ComparisonRow row : rows) {
      lines.add(String.format(Locale.ROOT, "%-30s %6d  %.3f [%.3f, %.3f]    %8s  %s", row.model(), row.examples(),
          row.accuracy(), row.accuracyInterval().lower(), row.accuracyInterval().upper(),
          number(row.balancedAccuracy()), auc(row)));
    }
    return lines;
  }

  private static String auc(ComparisonRow row) {
    if (row.auc() == null) {
      return "-";
    }
    return number(row.auc()) + " [" + number(row.aucLower()) + ", " + number(row.aucUpper()) + "]";
  }

  private static String number(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }
}
