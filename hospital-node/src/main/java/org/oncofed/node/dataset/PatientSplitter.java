package org.oncofed.node.dataset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.oncofed.common.Apportionment;
import org.oncofed.common.TumourClass;
import org.oncofed.common.hash.Sha256;

/**
 * Splits by patient, never by image: all slices of a patient land in one split. Patients are
 * stratified by their most severe label so each split keeps the class mix, and ordered within a
 * stratum by a seeded hash of their key, so the split depends only on the seed and the patients
 * (adding a patient moves no one else).
 */
final class PatientSplitter {

  private PatientSplitter() {}

  static DatasetSplits split(List<IndexedInstance> instances, long seed, SplitFractions fractions) {
    Map<String, List<IndexedInstance>> byPatient = new TreeMap<>();
    instances.forEach(i -> byPatient.computeIfAbsent(i.patientKey(), k -> new ArrayList<>()).add(i));
    Map<TumourClass, List<String>> strata = new TreeMap<>();
    byPatient.forEach((patient, list) -> {
      TumourClass worst = list.stream().map(IndexedInstance::tumourClass)
          .max(Comparator.naturalOrder()).orElseThrow();
      strata.computeIfAbsent(worst, k -> new ArrayList<>()).add(patient);
    });
    double[] shares = {fractions.train(), fractions.validation(), fractions.test()};
    List<List<String>> ordered = new ArrayList<>();
    for (List<String> patients : strata.values()) {
      patients.sort(Comparator.comparing(p -> Sha256.hex(seed + ":" + p)));
      ordered.add(patients);
    }
    int[][] counts = quotas(ordered.stream().mapToInt(List::size).toArray(), shares);
    Map<String, DatasetSplit.Role> roles = new HashMap<>();
    DatasetSplit.Role[] order = DatasetSplit.Role.values();
    for (int s = 0; s < ordered.size(); s++) {
      int at = 0;
      for (int r = 0; r < order.length; r++) {
        for (int k = 0; k < counts[s][r]; k++) {
          roles.put(ordered.get(s).get(at++), order[r]);
        }
      }
    }
    Map<DatasetSplit.Role, List<SliceRef>> slices = new HashMap<>();
    for (DatasetSplit.Role role : order) {
      slices.put(role, new ArrayList<>());
    }
    for (IndexedInstance i : instances) {
      List<SliceRef> target = slices.get(roles.get(i.patientKey()));
      for (int f = 0; f < i.frames(); f++) {
        target.add(new SliceRef(i.path(), f, i.tumourClass(), i.patientKey(), i.contentSha256(), i.bytes()));
      }
    }
    return new DatasetSplits(seed, fractions,
        new DatasetSplit(DatasetSplit.Role.TRAIN, slices.get(DatasetSplit.Role.TRAIN)),
        new DatasetSplit(DatasetSplit.Role.VALIDATION, slices.get(DatasetSplit.Role.VALIDATION)),
        new DatasetSplit(DatasetSplit.Role.TEST, slices.get(DatasetSplit.Role.TEST)));
  }

  /**
   * Patients per stratum and split. Split totals follow the fractions over all patients (largest
   * remainder), and each stratum gets its proportional floor plus the leftovers where its
   * fractional share is largest, so even a small site puts someone in every split it can.
   */
  static int[][] quotas(int[] strata, double[] shares) {
    int total = 0;
    for (int n : strata) {
      total += n;
    }
    int[] remaining = Apportionment.largestRemainder(total, shares);
    int[][] counts = new int[strata.length][shares.length];
    int[] left = strata.clone();
    List<double[]> candidates = new ArrayList<>();
    for (int s = 0; s < strata.length; s++) {
      for (int r = 0; r < shares.length; r++) {
        double exact = strata[s] * shares[r];
        counts[s][r] = (int) Math.floor(exact + 1e-9);
        remaining[r] -= counts[s][r];
        left[s] -= counts[s][r];
        candidates.add(new double[] {exact - counts[s][r], s, r});
      }
    }
    // Highest fractional share first; ties go to the earlier stratum, then the earlier split.
    candidates.sort(Comparator.<double[]>comparingDouble(c -> -c[0]).thenComparingDouble(c -> c[1])
        .thenComparingDouble(c -> c[2]));
    for (double[] c : candidates) {
      int s = (int) c[1];
      int r = (int) c[2];
      if (left[s] > 0 && remaining[r] > 0) {
        counts[s][r]++;
        left[s]--;
        remaining[r]--;
      }
    }
    for (int s = 0; s < strata.length; s++) {
      for (int r = 0; left[s] > 0; r = (r + 1) % shares.length) {
        counts[s][r]++;
        left[s]--;
      }
    }
    return counts;
  }
}
