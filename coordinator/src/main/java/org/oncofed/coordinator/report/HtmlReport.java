package org.oncofed.coordinator.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.oncofed.api.ExperimentReport;
import org.oncofed.api.ExperimentView;
import org.oncofed.api.FinalResults;
import org.oncofed.api.MetricsView;
import org.oncofed.api.RoundView;
import org.oncofed.common.hash.CanonicalJson;

/**
 * The experiment report as one self-contained HTML page: the verdict, training and validation
 * curves per round (pooled and per site), pooled test ROC curves, the confusion matrix, and tables
 * of every number behind the charts.
 */
public final class HtmlReport {

  private HtmlReport() {}

  public static String render(ExperimentReport report) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>OncoFed report: ").append(escape(report.name())).append("</title>")
        .append("<style>body{font-family:sans-serif;max-width:1200px;margin:2em auto;color:#222}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}")
        .append("th{background:#f4f4f4}td.l,th.l{text-align:left}.verdict{font-size:1.2em;padding:1em;background:#eef6ee;")
        .append("border-left:4px solid #2ca02c}.charts{display:flex;flex-wrap:wrap;gap:1em}code,pre{font-size:0.85em}")
        .append("pre{background:#f8f8f8;padding:1em;overflow:auto}</style></head><body>\n");
    html.append("<h1>").append(escape(report.name())).append("</h1>\n<p>Experiment <code>").append(report.id())
        .append("</code>, ").append(escape(report.status().toLowerCase(Locale.ROOT)))
        .append(report.statusReason() == null ? "" : " (" + escape(report.statusReason()) + ")")
        .append(", created by ").append(escape(report.createdBy())).append(" at ").append(report.createdAt())
        .append(". Configuration hash <code>").append(report.configSha256()).append("</code>.</p>\n");
    FinalResults results = report.results();
    if (results != null && results.comparison() != null) {
      html.append("<p class=\"verdict\">").append(escape(results.comparison().verdict())).append("</p>\n");
    }
    html.append("<h2>Rounds</h2>\n<div class=\"charts\">\n")
        .append(lossChart(report.rounds()))
        .append(validationChart(report.rounds()))
        .append(siteAccuracyChart(report.rounds()))
        .append("</div>\n")
        .append(roundTable(report.rounds()));
    if (results != null) {
      html.append("<h2>Final test evaluation</h2>\n<p>The best global model")
          .append(results.bestRound() == null ? "" : " (round " + results.bestRound() + ")")
          .append(" and each site's local-only model, evaluated on every site's test split and pooled.</p>\n")
          .append(resultTable(results))
          .append("<div class=\"charts\">\n").append(rocChart(results.federated())).append("</div>\n");
      if (results.federated().test() != null) {
        html.append("<h3>Confusion matrix of the federated model (pooled test)</h3>\n")
            .append(confusion(results.federated().test(), report.classes()));
      }
    }
    if (!report.sites().isEmpty()) {
      html.append("<h2>Sites</h2>\n<p>Each site's approval of the experiment's plan and the privacy spent on its "
          + "training data (epsilon at delta, by the site's own accountant).</p>\n").append(siteTable(report.sites()));
    }
    html.append("<h2>Configuration</h2>\n<pre>").append(escape(CanonicalJson.encode(report.config()))).append("</pre>\n")
        .append("</body></html>\n");
    return html.toString();
  }

  private static String lossChart(List<RoundView> rounds) {
    SvgLineChart chart = new SvgLineChart("Training loss", "round", "loss");
    chart.add("pooled", x(rounds), y(rounds, RoundView::trainLoss));
    for (String site : sites(rounds)) {
      chart.addDashed(site, x(rounds), y(rounds, round -> round.participants().stream()
          .filter(p -> p.site().equals(site)).map(RoundView.ParticipantView::trainLoss).findFirst().orElse(null)));
    }
    return chart.render();
  }

  private static String validationChart(List<RoundView> rounds) {
    return new SvgLineChart("Pooled validation", "round", "metric")
        .range(first(rounds), last(rounds), 0, 1)
        .add("accuracy", x(rounds), y(rounds, metric(MetricsView::accuracy)))
        .add("macro F1", x(rounds), y(rounds, metric(MetricsView::macroF1)))
        .add("macro AUC", x(rounds), y(rounds, metric(m -> m.macroAuc().estimate())))
        .render();
  }

  private static String siteAccuracyChart(List<RoundView> rounds) {
    SvgLineChart chart = new SvgLineChart("Validation accuracy per site", "round", "accuracy")
        .range(first(rounds), last(rounds), 0, 1);
    for (String site : sites(rounds)) {
      chart.add(site, x(rounds), y(rounds, round -> {
        MetricsView metrics = round.validationBySite().get(site);
        return metrics == null ? null : metrics.accuracy();
      }));
    }
    return chart.render();
  }

  private static String rocChart(FinalResults.ModelResult federated) {
    SvgLineChart chart = new SvgLineChart("Pooled test ROC, federated model", "false positive rate",
        "true positive rate").range(0, 1, 0, 1);
    if (federated.test() != null) {
      for (MetricsView.ClassView c : federated.test().perClass()) {
        double[] fpr = c.roc().stream().mapToDouble(MetricsView.Point::falsePositiveRate).toArray();
        double[] tpr = c.roc().stream().mapToDouble(MetricsView.Point::truePositiveRate).toArray();
        chart.add(c.label() + " vs rest", fpr, tpr);
      }
    }
    return chart.addDashed("chance", new double[] {0, 1}, new double[] {0, 1}).render();
  }

  private static String roundTable(List<RoundView> rounds) {
    StringBuilder table = new StringBuilder("<table><tr><th>round</th><th class=\"l\">status</th>"
        + "<th class=\"l\">sites (answer)</th><th>train loss</th><th>val. accuracy</th><th>val. macro F1</th>"
        + "<th>val. macro AUC</th><th class=\"l\">model</th></tr>\n");
    for (RoundView round : rounds) {
      List<String> answers = new ArrayList<>();
      round.participants().forEach(p -> answers.add(p.site() + " (" + p.status()
          + (p.reason() == null ? "" : ": " + p.reason()) + ")"));
      MetricsView v = round.validation();
      table.append("<tr><td>").append(round.round()).append("</td><td class=\"l\">").append(round.status())
          .append(round.failureReason() == null ? "" : ": " + escape(round.failureReason()))
          .append("</td><td class=\"l\">").append(escape(String.join(", ", answers)))
          .append("</td><td>").append(number(round.trainLoss()))
          .append("</td><td>").append(number(v == null ? null : v.accuracy()))
          .append("</td><td>").append(number(v == null ? null : v.macroF1()))
          .append("</td><td>").append(number(v == null ? null : v.macroAuc().estimate()))
          .append("</td><td class=\"l\"><code>").append(round.newModel() == null ? "-" : round.newModel().substring(0, 12))
          .append("</code></td></tr>\n");
    }
    return table.append("</table>\n").toString();
  }

  private static String siteTable(List<ExperimentView.SiteView> sites) {
    StringBuilder table = new StringBuilder("<table><tr><th class=\"l\">site</th><th class=\"l\">approval</th>"
        + "<th>epsilon spent</th><th>delta</th><th>max epsilon</th></tr>\n");
    for (ExperimentView.SiteView site : sites) {
      table.append("<tr><td class=\"l\">").append(escape(site.site()))
          .append("</td><td class=\"l\">").append(site.approval() == null ? "-" : escape(site.approval()))
          .append("</td><td>").append(site.epsilon() == null ? "-" : escape(site.epsilon()))
          .append("</td><td>").append(site.epsilon() == null ? "-" : site.delta())
          .append("</td><td>").append(site.maxEpsilon() > 0 ? String.valueOf(site.maxEpsilon()) : "none")
          .append("</td></tr>\n");
    }
    return table.append("</table>\n").toString();
  }

  private static String resultTable(FinalResults results) {
    List<FinalResults.ModelResult> all = new ArrayList<>();
    all.add(results.federated());
    all.addAll(results.baselines());
    if (results.majorityClass() != null) {
      all.add(results.majorityClass());
    }
    Set<String> sites = new LinkedHashSet<>(results.federated().testBySite().keySet());
    List<String> classes = results.federated().test() == null ? List.of()
        : results.federated().test().perClass().stream().map(MetricsView.ClassView::label).toList();
    StringBuilder table = new StringBuilder("<table><tr><th class=\"l\">model</th><th>examples</th>"
        + "<th>accuracy [95% CI]</th><th>balanced accuracy [95% CI]</th><th>macro F1</th>"
        + "<th>macro AUC [95% CI] (binning bounds)</th>");
    classes.forEach(label -> table.append("<th>sensitivity ").append(escape(label)).append(" [95% CI]</th>"));
    sites.forEach(site -> table.append("<th>accuracy at ").append(escape(site)).append(" [95% CI]</th>"));
    table.append("</tr>\n");
    for (FinalResults.ModelResult result : all) {
      MetricsView t = result.test();
      table.append("<tr><td class=\"l\">").append(name(result, results))
          .append("</td><td>").append(t == null ? "-" : t.examples())
          .append("</td><td>").append(t == null ? "-" : withCi(t.accuracy(), t.accuracyCi()))
          .append("</td><td>").append(t == null ? "-" : withCi(t.balancedAccuracy(), t.balancedAccuracyCi()))
          .append("</td><td>").append(number(t == null ? null : t.macroF1()))
          .append("</td><td>").append(t == null ? "-" : withCi(t.macroAuc().estimate(), t.macroAuc().ci()) + " ("
              + number(t.macroAuc().lower()) + "-" + number(t.macroAuc().upper()) + ")")
          .append("</td>");
      for (int c = 0; c < classes.size(); c++) {
        MetricsView.ClassView view = t == null ? null : t.perClass().get(c);
        table.append("<td>").append(view == null ? "-" : withCi(view.sensitivity(), view.sensitivityCi()))
            .append("</td>");
      }
      for (String site : sites) {
        MetricsView atSite = result.testBySite().get(site);
        table.append("<td>").append(atSite == null ? "-" : withCi(atSite.accuracy(), atSite.accuracyCi()))
            .append("</td>");
      }
      table.append("</tr>\n");
    }
    return table.append("</table>\n").toString();
  }

  private static String name(FinalResults.ModelResult result, FinalResults results) {
    if (result == results.majorityClass()) {
      return "majority class (reference)";
    }
    return result.trainedAt() == null ? "<b>federated</b>" : "local-only (" + escape(result.trainedAt()) + ")";
  }

  /** "0.812 [0.774, 0.845]". */
  static String withCi(Double value, MetricsView.Ci ci) {
    return number(value) + " [" + number(ci.lower()) + ", " + number(ci.upper()) + "]";
  }

  private static String confusion(MetricsView metrics, List<String> classes) {
    long max = 1;
    for (long[] row : metrics.confusion()) {
      for (long count : row) {
        max = Math.max(max, count);
      }
    }
    StringBuilder table = new StringBuilder("<table><tr><th class=\"l\">actual \\ predicted</th>");
    classes.forEach(label -> table.append("<th>").append(escape(label)).append("</th>"));
    table.append("</tr>\n");
    for (int actual = 0; actual < metrics.confusion().length; actual++) {
      table.append("<tr><th class=\"l\">").append(escape(classes.get(actual))).append("</th>");
      for (long count : metrics.confusion()[actual]) {
        int shade = 255 - (int) (155 * count / max);
        table.append(String.format(Locale.ROOT, "<td style=\"background:rgb(%d,%d,255)\">%d</td>", shade, shade, count));
      }
      table.append("</tr>\n");
    }
    return table.append("</table>\n").toString();
  }

  private static Function<RoundView, Double> metric(Function<MetricsView, Double> metric) {
    return round -> round.validation() == null ? null : metric.apply(round.validation());
  }

  private static Set<String> sites(List<RoundView> rounds) {
    Set<String> sites = new LinkedHashSet<>();
    rounds.forEach(round -> round.participants().forEach(p -> sites.add(p.site())));
    return sites;
  }

  private static double[] x(List<RoundView> rounds) {
    return rounds.stream().mapToDouble(RoundView::round).toArray();
  }

  private static double[] y(List<RoundView> rounds, Function<RoundView, Double> value) {
    return rounds.stream().mapToDouble(round -> {
      Double v = value.apply(round);
      return v == null ? Double.NaN : v;
    }).toArray();
  }

  private static double first(List<RoundView> rounds) {
    return rounds.isEmpty() ? 0 : rounds.get(0).round();
  }

  private static double last(List<RoundView> rounds) {
    return rounds.isEmpty() ? 1 : Math.max(rounds.get(rounds.size() - 1).round(), first(rounds) + 1);
  }

  private static String number(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
