package org.oncofed.node.deid;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.oncofed.dicom.DeidentificationFindings;
import org.oncofed.dicom.DeidentificationFindings.Finding;

/** Counts over every file checked: how many files carry what, and each identifying attribute's count of files. */
final class DeidSummary {

  private int files;
  private int clean;
  private int unreadable;
  private int withIdentifying;
  private int withPrivate;
  private int withDates;
  private int burnedIn;
  private final Map<String, Integer> filesByAttribute = new TreeMap<>();

  void add(DeidentificationFindings findings) {
    files++;
    clean += findings.isClean() ? 1 : 0;
    withIdentifying += findings.identifyingAttributes().isEmpty() ? 0 : 1;
    withPrivate += findings.privateAttributes().isEmpty() ? 0 : 1;
    withDates += findings.dates().isEmpty() ? 0 : 1;
    burnedIn += findings.burnedInAnnotation().equals("YES") || findings.recognizableVisualFeatures().equals("YES") ? 1 : 0;
    findings.identifyingAttributes().stream().map(Finding::name).distinct()
        .forEach(name -> filesByAttribute.merge(name, 1, Integer::sum));
  }

  void unreadable() {
    unreadable++;
  }

  boolean allClean() {
    return unreadable == 0 && clean == files;
  }

  String text() {
    StringBuilder text = new StringBuilder("Summary: ").append(files).append(" file(s) read, ").append(clean)
        .append(" clean, ").append(withIdentifying).append(" with identifying attributes, ").append(withPrivate)
        .append(" with private attributes, ").append(withDates).append(" with dates, ").append(burnedIn)
        .append(" flagged as showing burned-in text or a face; ").append(unreadable).append(" unreadable\n");
    filesByAttribute.forEach((name, count) -> text.append("  ").append(name).append(": ").append(count).append(" file(s)\n"));
    return text.toString();
  }

  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("summary", true);
    json.put("files", files);
    json.put("clean", clean);
    json.put("unreadable", unreadable);
    json.put("withIdentifying", withIdentifying);
    json.put("withPrivate", withPrivate);
    json.put("withDates", withDates);
    json.put("burnedInOrRecognizable", burnedIn);
    json.put("filesByAttribute", filesByAttribute);
    return json;
  }
}
