package org.oncofed.node.dataset;

import java.util.List;

/**
 * A registered dataset as stored in the node's data folder ({@code dataset/index.json}): where it
 * is, how it was labelled, every accepted instance, the scan report and the fingerprint.
 *
 * @param format always {@link #FORMAT}
 * @param version format version; readers refuse versions they do not know
 */
public record DatasetIndex(
    String format,
    int version,
    String root,
    String registeredAt,
    String labelSource,
    String fingerprint,
    List<IndexedInstance> instances,
    ScanReport report) {

  public static final String FORMAT = "oncofed-dataset-index";
  public static final int VERSION = 1;

  public DatasetIndex {
    instances = List.copyOf(instances);
  }
}
