package org.oncofed.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A site's registered dataset as the node announced it: aggregate counts per split and class only.
 *
 * @param fingerprint the node's content fingerprint of its dataset (hashed UIDs and counts)
 */
@Serdeable
public record DatasetView(String fingerprint, SplitView train, SplitView validation, SplitView test) {

  /** Slices per class (normal, benign, malignant) and distinct patients of one split. */
  @Serdeable
  public record SplitView(List<Long> perClass, long patients) {}
}
