package org.oncofed.node.dataset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    Map<String, DatasetSplit.Role> roles = new HashMap<>();
    double[] shares = {fractions.train(), fractions.validation(), fractions.test()};
    DatasetSplit.Role[] order = DatasetSplit.Role.values();
    for (List<String> patients : strata.values()) {
      patients.sort(Comparator.comparing(p -> Sha256.hex(seed + ":" + p)));
      int[] counts = Apportionment.largestRemainder(patients.size(), shares);
      int at = 0;
      for (int r = 0; r < order.length; r++) {
        for (int k = 0; k < counts[r]; k++) {
          roles.put(patients.get(at++), order[r]);
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
}
