package org.oncofed.node.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
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

  /** A training split divided by patient into what is trained on and what picks the best epoch. */
  public record HeldOut(DatasetSplit train, DatasetSplit holdout) {}

  /**
   * Keeps {@code fraction} of this split's patients (rounded, at least one, never all) apart as a
   * hold-out, chosen by a shuffle of the sorted patient keys with {@code seed}, so the same
   * registration, fraction and seed always hold out the same patients.
   */
  public HeldOut holdOut(double fraction, long seed) {
    List<String> patients = new ArrayList<>(new TreeSet<>(patientKeys()));
    if (patients.size() < 2) {
      throw new IllegalArgumentException("a hold-out needs at least 2 training patients, found " + patients.size());
    }
    Collections.shuffle(patients, new Random(seed));
    int held = Math.max(1, Math.min(patients.size() - 1, (int) Math.round(fraction * patients.size())));
    Set<String> holdout = Set.copyOf(patients.subList(0, held));
    return new HeldOut(
        new DatasetSplit(role, slices.stream().filter(s -> !holdout.contains(s.patientKey())).toList()),
        new DatasetSplit(Role.VALIDATION, slices.stream().filter(s -> holdout.contains(s.patientKey())).toList()));
  }
}
