package org.oncofed.node.dataset;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncofed.common.hash.CanonicalJson;

/**
 * The content fingerprint of a dataset: SHA-256 over the canonical JSON of its instances, each
 * given only by hashed SOP and series UIDs, label, frame count and file content hash. It changes
 * when any image, label or membership changes, does not depend on folder layout, and carries
 * nothing that identifies a patient, so it may travel with model provenance.
 */
public final class DatasetFingerprint {

  private DatasetFingerprint() {}

  public static String of(List<IndexedInstance> instances) {
    List<Map<String, Object>> entries = instances.stream()
        .sorted(Comparator.comparing(IndexedInstance::sopInstanceHash))
        .map(i -> {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("sop", i.sopInstanceHash());
          e.put("series", i.seriesHash());
          e.put("label", i.label());
          e.put("frames", i.frames());
          e.put("content", i.contentSha256());
          return e;
        })
        .toList();
    return CanonicalJson.sha256(Map.of(
        "format", "oncofed-dataset-fingerprint", "version", 1, "instances", entries));
  }
}
