package org.oncofed.node.explain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.oncofed.common.files.AtomicFiles;

/**
 * The HTML index of a site's explanations: one card per explained slice (overlay, true and
 * predicted class, class probabilities), grouped by true class. The page is self-contained apart
 * from the PNGs beside it: no scripts, no external styles or fonts, so it opens offline on a
 * reading-room workstation. Slices are named by their path under the dataset root and never by
 * patient name, ID, birth date or accession number.
 */
final class ExplanationPage {

  /**
   * What the page explains.
   *
   * @param round the round the task belongs to; 0 for the experiment's final test
   * @param model architecture and input size, for example {@code small-cnn at 64 px}
   */
  record Header(String experimentId, int round, String modelSha256, String model, Instant written) {
    Header {
      Objects.requireNonNull(experimentId, "experimentId");
      Objects.requireNonNull(modelSha256, "modelSha256");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(written, "written");
    }
  }

  /**
   * One explained slice.
   *
   * @param slice path under the dataset root, with the frame for multi-frame files
   * @param truth index of the true class
   * @param image file name of the overlay PNG, beside the page
   */
  record Entry(String slice, int truth, Explanation explanation, String image) {
    Entry {
      Objects.requireNonNull(slice, "slice");
      Objects.requireNonNull(explanation, "explanation");
      Objects.requireNonNull(image, "image");
    }
  }

  private ExplanationPage() {}

  /** Writes the page to {@code file}, replacing it only once it is complete. */
  static void write(Path file, Header header, List<String> classes, List<Entry> entries) throws IOException {
    String html = html(header, classes, entries);
    AtomicFiles.replace(file, temporary -> Files.writeString(temporary, html, StandardCharsets.UTF_8));
  }

  static String html(Header header, List<String> classes, List<Entry> entries) {
    StringBuilder html = new StringBuilder(4096)
        .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<title>Grad-CAM explanations, experiment ").append(escape(header.experimentId())).append("</title>\n")
        .append("<style>body{font-family:sans-serif;max-width:1200px;margin:2em auto;color:#222}")
        .append(".cards{display:flex;flex-wrap:wrap;gap:1em}")
        .append("figure{margin:0;border:1px solid #ccc;padding:.5em;width:256px}")
        .append("figure img{width:256px;height:256px;image-rendering:auto}")
        .append("figcaption{font-size:.85em;overflow-wrap:anywhere}")
        .append("table{border-collapse:collapse;width:100%}td{padding:0 .3em}")
        .append(".bar{background:#bc3754;height:.7em}.wrong{color:#b00020;font-weight:bold}")
        .append(".legend{width:256px;height:1em;background:").append(HeatmapOverlay.cssGradient()).append("}")
        .append("</style></head><body>\n")
        .append("<h1>Where the model looks: Grad-CAM on this site's test slices</h1>\n")
        .append("<p>Experiment <code>").append(escape(header.experimentId())).append("</code>, ")
        // Round 0 is the experiment's final phase, where the best global model is tested.
        .append(header.round() == 0 ? "final test" : "round " + header.round())
        .append(", global model <code>").append(escape(header.modelSha256()))
        .append("</code> (").append(escape(header.model())).append("), written ")
        .append(escape(header.written().toString())).append(".</p>\n")
        .append("<p><strong>Computed at this site. These images never left the site</strong>, and nothing about ")
        .append("them was sent to the coordinator.</p>\n")
        .append("<p>Each overlay shows where the evidence for the predicted class lies (Grad-CAM), ")
        .append("from none to most:</p><div class=\"legend\"></div>\n");
    for (int c = 0; c < classes.size(); c++) {
      int truth = c;
      List<Entry> group = entries.stream().filter(e -> e.truth() == truth).toList();
      html.append("<h2>True class: ").append(escape(classes.get(c))).append(" (").append(group.size())
          .append(group.size() == 1 ? " slice" : " slices").append(")</h2>\n<div class=\"cards\">\n");
      for (Entry entry : group) {
        card(html, classes, entry);
      }
      html.append("</div>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  private static void card(StringBuilder html, List<String> classes, Entry entry) {
    Explanation explanation = entry.explanation();
    boolean correct = explanation.predicted() == entry.truth();
    html.append("<figure><img src=\"").append(escape(entry.image())).append("\" alt=\"Grad-CAM overlay of ")
        .append(escape(entry.slice())).append("\">\n<figcaption><div>").append(escape(entry.slice())).append("</div>")
        .append("<div>true: ").append(escape(classes.get(entry.truth()))).append(", predicted: <span")
        .append(correct ? ">" : " class=\"wrong\">").append(escape(classes.get(explanation.predicted())))
        .append("</span></div><table>");
    float[] probabilities = explanation.probabilities();
    for (int c = 0; c < classes.size(); c++) {
      double percent = 100.0 * probabilities[c];
      html.append("<tr><td>").append(escape(classes.get(c))).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.1f%%", percent))
          .append("</td><td style=\"width:50%\"><div class=\"bar\" style=\"width:")
          .append(String.format(Locale.ROOT, "%.1f", Math.max(0, Math.min(100, percent))))
          .append("%\"></div></td></tr>");
    }
    html.append("</table></figcaption></figure>\n");
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
