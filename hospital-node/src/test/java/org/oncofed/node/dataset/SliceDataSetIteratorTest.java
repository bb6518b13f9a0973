package org.oncofed.node.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.oncofed.dicom.Part10Reader;
import org.oncofed.dicom.WindowPreset;
import org.oncofed.synthetic.ScannerProfile;
import org.oncofed.synthetic.SiteSynthesizer;

class SliceDataSetIteratorTest {

  @TempDir static Path shared;
  private static Path original;

  @TempDir Path temp;
  private Path site;
  private Path dataDir;
  private RegisteredDataset dataset;

  @BeforeAll
  static void writeSite() throws IOException {
    original = SyntheticSites.write(shared.resolve("site"), "east", 6, ScannerProfile.SHARP);
  }

  @BeforeEach
  void registerSite() throws IOException {
    site = DatasetRegistrationTest.copy(original, temp.resolve("site"));
    dataDir = temp.resolve("node");
    new DatasetRegistration(new Part10Reader(), Clock.systemUTC())
        .register(dataDir, site, site.resolve(SiteSynthesizer.LABELS_FILE), ProgressListener.NONE);
    dataset = RegisteredDataset.load(dataDir);
  }

  @Test
  void yieldsNchwFloatFeaturesAndOneHotLabels() throws IOException {
    DatasetSplit train = dataset.split(1, new SplitFractions(1, 0, 0)).train();
    SliceDataSetIterator iterator = dataset.iterator(train, options(3, false, 4));

    DataSet batch = iterator.next();

    INDArray features = batch.getFeatures();
    assertThat(features.shape()).containsExactly(4, 3, 32, 32);
    assertThat(features.dataType()).isEqualTo(DataType.FLOAT);
    assertThat(features.minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
    assertThat(features.maxNumber().doubleValue()).isLessThanOrEqualTo(1).isPositive();
    assertThat(features.get(all(), point(0))).isEqualTo(features.get(all(), point(2)));
    assertThat(batch.getLabels().shape()).containsExactly(4, 3);
    assertThat(batch.getLabels().sum(1).toDoubleVector()).containsOnly(1.0);
    assertThat(iterator.inputColumns()).isEqualTo(3 * 32 * 32);
    assertThat(iterator.totalOutcomes()).isEqualTo(3);
    assertThat(iterator.getLabels()).containsExactly("normal", "benign", "malignant");
  }

  @Test
  void coversEverySliceOncePerEpochWithTheSplitsClassCounts() throws IOException {
    DatasetSplit train = dataset.split(1, new SplitFractions(1, 0, 0)).train();
    SliceDataSetIterator iterator = dataset.iterator(train, options(1, true, 5));

    long[] seen = new long[3];
    int examples = 0;
    while (iterator.hasNext()) {
      DataSet batch = iterator.next();
      examples += batch.numExamples();
      double[] perClass = batch.getLabels().sum(0).toDoubleVector();
      for (int c = 0; c < 3; c++) {
        seen[c] += (long) perClass[c];
      }
    }

    assertThat(examples).isEqualTo(train.slices().size());
    assertThat(seen).containsExactly(iterator.classCounts());
    assertThat(iterator.classCounts()).containsExactly(train.classCounts());
  }

  @Test
  void augmentsAndReshufflesTrainingDataOnly() throws IOException {
    DatasetSplits splits = dataset.split(1, new SplitFractions(0.5, 0.5, 0));
    SliceDataSetIterator training = dataset.iterator(splits.train(), options(1, true, 64));
    SliceDataSetIterator validation = dataset.iterator(splits.validation(), options(1, true, 64));

    INDArray firstTraining = training.next().getFeatures();
    training.reset();
    INDArray secondTraining = training.next().getFeatures();
    INDArray firstValidation = validation.next().getFeatures();
    validation.reset();
    INDArray secondValidation = validation.next().getFeatures();

    assertThat(secondTraining).isNotEqualTo(firstTraining);
    assertThat(secondValidation).isEqualTo(firstValidation);
  }

  @Test
  void sameSeedGivesTheSameAugmentedEpoch() throws IOException {
    DatasetSplit train = dataset.split(1, new SplitFractions(1, 0, 0)).train();

    INDArray first = dataset.iterator(train, options(1, true, 8)).next().getFeatures();
    INDArray second = dataset.iterator(train, options(1, true, 8)).next().getFeatures();

    assertThat(second).isEqualTo(first);
  }

  @Test
  void decodesEachSliceOnceAndServesLaterEpochsAndIteratorsFromTheCacheEvenWithTheRootGone() throws IOException {
    DatasetSplit train = dataset.split(1, new SplitFractions(1, 0, 0)).train();
    dataset.iterator(train, options(1, false, 8));
    for (Path file : DatasetRegistrationTest.dicomFiles(site)) {
      Files.delete(file);
    }
    Files.delete(site.resolve(SiteSynthesizer.LABELS_FILE));
    try (var folders = Files.walk(site)) {
      for (Path folder : folders.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(folder);
      }
    }

    SliceDataSetIterator again = dataset.iterator(train, options(1, false, 8));
    List<DataSet> epochs = new ArrayList<>();
    for (int epoch = 0; epoch < 2; epoch++) {
      while (again.hasNext()) {
        epochs.add(again.next());
      }
      again.reset();
    }

    assertThat(epochs.stream().mapToInt(DataSet::numExamples).sum()).isEqualTo(2 * train.slices().size());
  }

  @Test
  void anEpochLooksTheSameWhateverTheIteratorReadBefore() throws IOException {
    DatasetSplit train = dataset.split(1, new SplitFractions(1, 0, 0)).train();
    SliceDataSetIterator fresh = dataset.iterator(train, options(1, true, 16));
    SliceDataSetIterator used = dataset.iterator(train, options(1, true, 16));
    for (int epoch = 0; epoch < 3; epoch++) {
      used.next();
      used.reset();
    }

    fresh.rewindTo(4);
    fresh.reset();
    used.rewindTo(4);
    used.reset();

    DataSet expected = fresh.next();
    DataSet actual = used.next();
    assertThat(actual.getFeatures()).isEqualTo(expected.getFeatures());
    assertThat(actual.getLabels()).isEqualTo(expected.getLabels());
  }

  @Test
  void refusesAFileChangedSinceRegistration() throws IOException {
    DatasetSplit train = dataset.split(1, new SplitFractions(1, 0, 0)).train();
    Path changed = site.resolve(train.slices().get(0).path());
    Files.write(changed, new byte[] {0}, StandardOpenOption.APPEND);

    assertThatThrownBy(() -> dataset.iterator(train, options(1, false, 8)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("changed since the dataset was registered");
  }

  @Test
  void oversamplingDrawsEveryPresentClassAsOftenAsTheLargestEachEpoch() throws IOException {
    DatasetSplit train = dataset.split(1, new SplitFractions(1, 0, 0)).train();
    long[] counts = train.classCounts();
    long largest = java.util.Arrays.stream(counts).max().orElseThrow();
    PreprocessingOptions plain = options(1, false, 16);
    PreprocessingOptions oversampling = new PreprocessingOptions(32, 1, plain.windowCenter(), plain.windowWidth(),
        plain.normalisation(), plain.resizePolicy(), 0, false, false, true, 9, 16);
    SliceDataSetIterator iterator = dataset.iterator(train, oversampling);

    for (int epoch = 0; epoch < 2; epoch++) {
      iterator.reset();
      long[] drawn = new long[counts.length];
      while (iterator.hasNext()) {
        INDArray labels = iterator.next().getLabels();
        for (int row = 0; row < labels.rows(); row++) {
          drawn[labels.getRow(row).argMax().getInt(0)]++;
        }
      }
      for (int c = 0; c < counts.length; c++) {
        assertThat(drawn[c]).as("class %d in epoch %d", c, epoch).isEqualTo(counts[c] == 0 ? 0 : largest);
      }
    }
  }

  @Test
  void holdsOutWholePatientsTheSameWayForTheSameSeed() {
    DatasetSplit train = dataset.split(1, new SplitFractions(1, 0, 0)).train();

    DatasetSplit.HeldOut first = train.holdOut(0.25, 5);
    DatasetSplit.HeldOut again = train.holdOut(0.25, 5);

    assertThat(first.holdout().patients()).isEqualTo(Math.round(0.25 * train.patients()));
    assertThat(first.train().patientKeys()).doesNotContainAnyElementsOf(first.holdout().patientKeys());
    assertThat(first.train().slices().size() + first.holdout().slices().size()).isEqualTo(train.slices().size());
    assertThat(again).isEqualTo(first);
    assertThat(train.holdOut(0.25, 6).holdout().patientKeys()).isNotEqualTo(first.holdout().patientKeys());
  }

  private static PreprocessingOptions options(int channels, boolean augment, int batch) {
    return PreprocessingOptions.of(32, channels, WindowPreset.SOFT_TISSUE, augment, 9, batch);
  }

  private static org.nd4j.linalg.indexing.INDArrayIndex all() {
    return org.nd4j.linalg.indexing.NDArrayIndex.all();
  }

  private static org.nd4j.linalg.indexing.INDArrayIndex point(int i) {
    return org.nd4j.linalg.indexing.NDArrayIndex.point(i);
  }
}
