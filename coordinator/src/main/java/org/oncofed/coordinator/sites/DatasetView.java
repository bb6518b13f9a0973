package org.oncofed.coordinator.sites;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.oncofed.proto.federation.v1.DatasetSummary;
import org.oncofed.proto.federation.v1.SplitCounts;

/**
 * A site's registered dataset as the node announced it: aggregate counts per split and class only.
 *
 * @param fingerprint the node's content fingerprint of its dataset (hashed UIDs and counts)
 */
@Serdeable
public record DatasetView(String fingerprint, SplitView train, SplitView validation, SplitView test) {

  /** Slices per class (normal, benign, malignant) and distinct patients of one split. */
  @Serdeable
  public record SplitView(List<Long> perClass, long patients) {

    static SplitView of(SplitCounts counts) {
      return new SplitView(List.copyOf(counts.getPerClassList()), counts.getPatients());
    }
  }

  static DatasetView of(DatasetSummary summary) {
    return new DatasetView(summary.getFingerprint(), SplitView.of(summary.getTrain()),
        SplitView.of(summary.getValidation()), SplitView.of(summary.getTest()));
  }
}
