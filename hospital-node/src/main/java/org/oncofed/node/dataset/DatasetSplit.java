package org.oncofed.node.dataset;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.oncofed.common.TumourClass;

/** The slices of one split (all frames of its patients' instances) with their counts. */
public record DatasetSplit(Role role, List<SliceRef> slices) {

  public enum Role {
    TRAIN,
    VALIDATION,
    TEST
  }

  public DatasetSplit {
    slices = List.copyOf(slices);
  }

  /** Slices per class, indexed by {@link TumourClass#ordinal()}: the weights of a class-weighted loss. */
  public long[] classCounts() {
    long[] counts = new long[TumourClass.values().length];
    slices.forEach(s -> counts[s.label().ordinal()]++);
    return counts;
  }

  public Set<String> patientKeys() {
    return slices.stream().map(SliceRef::patientKey).collect(Collectors.toUnmodifiableSet());
  }

  public int patients() {
    return patientKeys().size();
  }
}
