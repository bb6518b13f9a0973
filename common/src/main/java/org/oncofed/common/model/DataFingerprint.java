package org.oncofed.common.model;

import java.util.List;
import java.util.Objects;
import org.oncofed.common.hash.Sha256;

/**
 * Identifies the data a model was trained on without describing any patient: the dataset's
 * fingerprint (SHA-256 over its sorted, hashed series UIDs and counts, computed by the node's
 * dataset index) and the per-class example counts of the split used.
 *
 * @param datasetSha256 the dataset fingerprint
 * @param split the split used, for example {@code train}
 * @param perClassCounts examples per class, in output order
 */
public record DataFingerprint(String datasetSha256, String split, List<Long> perClassCounts) {

  public DataFingerprint {
    Sha256.requireHexDigest(datasetSha256, "dataset fingerprint");
    Objects.requireNonNull(split, "split");
    perClassCounts = List.copyOf(perClassCounts);
    for (long count : perClassCounts) {
      if (count < 0) {
        throw new IllegalArgumentException("per-class counts must be >= 0, found " + perClassCounts);
      }
    }
  }

  public long examples() {
    return perClassCounts.stream().mapToLong(Long::longValue).sum();
  }
}
