package org.oncofed.node.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oncofed.common.TumourClass;

class PatientSplitterTest {

  private final List<IndexedInstance> instances = instances(60);

  @Test
  void neverPutsAPatientInTwoSplits() {
    DatasetSplits splits = PatientSplitter.split(instances, 7, SplitFractions.DEFAULT);

    Set<String> train = splits.train().patientKeys();
    Set<String> validation = splits.validation().patientKeys();
    Set<String> test = splits.test().patientKeys();
    assertThat(train).doesNotContainAnyElementsOf(validation).doesNotContainAnyElementsOf(test);
    assertThat(validation).doesNotContainAnyElementsOf(test);
    assertThat(train.size() + validation.size() + test.size()).isEqualTo(60);
    assertThat(splits.train().slices().size() + splits.validation().slices().size() + splits.test().slices().size())
        .isEqualTo(instances.stream().mapToInt(IndexedInstance::frames).sum());
  }

  @Test
  void isDeterministicForASeedAndChangesWithIt() {
    DatasetSplits first = PatientSplitter.split(instances, 7, SplitFractions.DEFAULT);
    List<IndexedInstance> reversed = new ArrayList<>(instances);
    Collections.reverse(reversed);
    DatasetSplits again = PatientSplitter.split(reversed, 7, SplitFractions.DEFAULT);
    DatasetSplits other = PatientSplitter.split(instances, 8, SplitFractions.DEFAULT);

    assertThat(again.test().patientKeys()).isEqualTo(first.test().patientKeys());
    assertThat(again.train().patientKeys()).isEqualTo(first.train().patientKeys());
    assertThat(other.test().patientKeys()).isNotEqualTo(first.test().patientKeys());
  }

  @Test
  void keepsEachClassInEverySplitInProportion() {
    DatasetSplits splits = PatientSplitter.split(instances, 3, SplitFractions.DEFAULT);

    // 20 patients per class: 14 / 3 / 3 of each.
    assertThat(splits.train().patients()).isEqualTo(42);
    assertThat(splits.validation().patients()).isEqualTo(9);
    assertThat(splits.test().patients()).isEqualTo(9);
    for (DatasetSplit s : List.of(splits.train(), splits.validation(), splits.test())) {
      assertThat(s.classCounts()).doesNotContain(0L);
    }
  }

  @Test
  void givesEverySplitAPatientEvenOnASmallSite() {
    List<IndexedInstance> small = new ArrayList<>();
    TumourClass[] labels = {TumourClass.NORMAL, TumourClass.NORMAL, TumourClass.NORMAL, TumourClass.BENIGN,
        TumourClass.BENIGN, TumourClass.MALIGNANT};
    for (int p = 0; p < labels.length; p++) {
      small.add(instance("patient-" + p, "sop-" + p, labels[p], 1));
    }

    DatasetSplits splits = PatientSplitter.split(small, 11, SplitFractions.DEFAULT);

    assertThat(splits.train().patients()).isEqualTo(4);
    assertThat(splits.validation().patients()).isEqualTo(1);
    assertThat(splits.test().patients()).isEqualTo(1);
  }

  @Test
  void quotasFollowTheFractionsOverAllPatientsAndWithinEachClass() {
    int[][] quotas = PatientSplitter.quotas(new int[] {12, 10, 8}, new double[] {0.7, 0.15, 0.15});

    assertThat(quotas[0][0] + quotas[1][0] + quotas[2][0]).isEqualTo(21);
    assertThat(quotas[0][1] + quotas[1][1] + quotas[2][1]).isIn(4, 5);
    assertThat(quotas[0][2] + quotas[1][2] + quotas[2][2]).isIn(4, 5);
    assertThat(quotas[0]).containsExactly(8, 2, 2);
    for (int[] stratum : quotas) {
      assertThat(stratum[1] + stratum[2]).isPositive();
    }
  }

  @Test
  void expandsMultiFrameInstancesIntoOneSlicePerFrame() {
    List<IndexedInstance> one = List.of(instance("p", "s", TumourClass.BENIGN, 4));

    DatasetSplits splits = PatientSplitter.split(one, 1, new SplitFractions(1, 0, 0));

    assertThat(splits.train().slices()).extracting(SliceRef::frame).containsExactly(0, 1, 2, 3);
    assertThat(splits.train().classCounts()).containsExactly(0, 4, 0);
  }

  private static List<IndexedInstance> instances(int patients) {
    List<IndexedInstance> out = new ArrayList<>();
    for (int p = 0; p < patients; p++) {
      TumourClass label = TumourClass.values()[p % 3];
      for (int s = 0; s < 3; s++) {
        out.add(instance("patient-" + p, "sop-" + p + "-" + s, s == 0 ? TumourClass.NORMAL : label, 1));
      }
    }
    return out;
  }

  private static IndexedInstance instance(String patient, String sop, TumourClass label, int frames) {
    return new IndexedInstance(sop + ".dcm", sop, "series-" + patient, patient, label.label(), frames, 8, 8,
        "0".repeat(64), 100);
  }
}
