package org.oncofed.client.experiment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.oncofed.api.MetricsView;

/** How numbers, hashes and times read in the CLI's output. Undefined values print as "-". */
final class Format {

  private Format() {}

  /** Metrics in [0, 1] such as accuracy or AUC, to three decimals. */
  static String metric(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }

  static String loss(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.4f", value);
  }

  static String percent(Double fraction) {
    return fraction == null ? "-" : String.format(Locale.ROOT, "%.0f%%", fraction * 100);
  }

  /** "0.801 [0.790, 0.812]": the estimate and the bounds the score histograms allow. */
  static String auc(MetricsView.Auc auc) {
    return auc == null || auc.estimate() == null
        ? "-"
        : metric(auc.estimate()) + " [" + metric(auc.lower()) + ", " + metric(auc.upper()) + "]";
  }

  /** "0.801 (0.742-0.851)": the AUC estimate and its 95 % confidence interval. */
  static String aucWithCi(MetricsView.Auc auc) {
    return auc == null || auc.estimate() == null ? "-" : withCi(auc.estimate(), auc.ci());
  }

  /** "0.712 (0.651-0.767)": a metric and its 95 % confidence interval. */
  static String withCi(Double value, MetricsView.Ci ci) {
    return value == null ? "-" : metric(value) + " (" + metric(ci.lower()) + "-" + metric(ci.upper()) + ")";
  }

  /** The first 12 hex digits of a SHA-256, enough to tell models apart on screen. */
  static String hash(String sha256) {
    return sha256 == null ? "-" : sha256.substring(0, Math.min(12, sha256.length()));
  }

  /** A setting as written: 0.0001 rather than 1.0E-4, 2 rather than 2.0. */
  static String plain(Double value) {
    return value == null ? "-" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  static String time(Instant instant) {
    return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
