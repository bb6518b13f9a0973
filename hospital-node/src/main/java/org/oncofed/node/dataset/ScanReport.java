package org.oncofed.node.dataset;

import java.util.List;
import java.util.Map;

/**
 * What a dataset scan found: counts per class, patients and series, every refused file with its
 * reason, duplicate instances, and the dataset's content fingerprint.
 *
 * @param classes per class label: instances, slices (frames) and patients with that label
 */
public record ScanReport(
    String root,
    String labelSource,
    int filesSeen,
    int instances,
    long slices,
    int patients,
    int series,
    Map<String, ClassCount> classes,
    List<Rejection> rejected,
    List<Duplicate> duplicates,
    String fingerprint) {

  public record ClassCount(int instances, long slices, int patients) {}

  public record Rejection(String path, String reason) {}

  public record Duplicate(String path, String duplicateOf) {}

  public ScanReport {
    classes = Map.copyOf(classes);
    rejected = List.copyOf(rejected);
    duplicates = List.copyOf(duplicates);
  }
}
