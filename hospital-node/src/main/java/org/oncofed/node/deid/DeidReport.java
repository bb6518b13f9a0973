package org.oncofed.node.deid;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncofed.dicom.DeidentificationFindings;
import org.oncofed.dicom.DeidentificationFindings.Finding;

/** One file's findings, as text for an operator or as JSON. */
final class DeidReport {

  private DeidReport() {}

  static String text(Path file, DeidentificationFindings findings) {
    StringBuilder text = new StringBuilder(file.toString()).append(": ");
    if (findings.isClean()) {
      return text.append("clean\n").toString();
    }
    text.append(findings.identifyingAttributes().size()).append(" identifying, ")
        .append(findings.privateAttributes().size()).append(" private, ")
        .append(findings.dates().size()).append(" dates")
        .append(", burned-in annotation ").append(stated(findings.burnedInAnnotation()))
        .append(", recognizable visual features ").append(stated(findings.recognizableVisualFeatures()))
        .append('\n');
    section(text, "identifying", findings.identifyingAttributes());
    section(text, "private", findings.privateAttributes());
    section(text, "dates", findings.dates());
    return text.toString();
  }

  static Map<String, Object> json(Path file, DeidentificationFindings findings) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", file.toString());
    json.put("clean", findings.isClean());
    json.put("identifying", findings.identifyingAttributes().stream().map(DeidReport::json).toList());
    json.put("uids", findings.profileAttributes().stream().filter(f -> f.action().equals("U")).map(DeidReport::json).toList());
    json.put("private", findings.privateAttributes().stream().map(Finding::path).toList());
    json.put("dates", findings.dates().stream().map(DeidReport::json).toList());
    json.put("burnedInAnnotation", findings.burnedInAnnotation());
    json.put("recognizableVisualFeatures", findings.recognizableVisualFeatures());
    return json;
  }

  private static Map<String, Object> json(Finding finding) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("path", finding.path());
    json.put("name", finding.name());
    json.put("action", finding.action());
    json.put("direct", finding.direct());
    return json;
  }

  private static void section(StringBuilder text, String title, List<Finding> findings) {
    for (Finding finding : findings) {
      text.append("  ").append(title).append(": ").append(finding.name()).append(' ').append(finding.path());
      if (!finding.action().isEmpty()) {
        text.append(" [").append(finding.action()).append(finding.direct() ? ", direct identifier" : "").append(']');
      }
      text.append('\n');
    }
  }

  private static String stated(String flag) {
    return flag.isEmpty() ? "not stated" : flag;
  }
}
