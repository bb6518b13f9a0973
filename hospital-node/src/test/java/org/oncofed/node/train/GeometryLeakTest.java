package org.oncofed.node.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.common.TumourClass;
import org.oncofed.common.metrics.ClassificationMetrics;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.common.metrics.Interval;
import org.oncofed.common.model.ModelCatalogue;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.common.model.NetworkParameters;
import org.oncofed.common.model.Normalisation;
import org.oncofed.common.model.Optimizer;
import org.oncofed.common.model.ResizePolicy;
import org.oncofed.common.model.TrainingConfig;
import org.oncofed.dicom.DicomWriter;
import org.oncofed.dicom.Part10Reader;
import org.oncofed.dicom.Tag;
import org.oncofed.dicom.Vr;
import org.oncofed.node.dataset.DatasetRegistration;
import org.oncofed.node.dataset.DatasetSplit;
import org.oncofed.node.dataset.SliceRef;
import org.oncofed.node.dataset.PreprocessingOptions;
import org.oncofed.node.dataset.ProgressListener;
import org.oncofed.node.dataset.RegisteredDataset;
import org.oncofed.node.dataset.SplitFractions;

/**
 * Crops whose pixel count alone gives their class: benign 48 x 48, malignant 96 x 96, both at
 * 0.7 mm pixels and filled with the same random texture (blobs and noise drawn at physical
 * scale). Resized by aspect, the malignant crops' texture looks twice as fine, and a network tells
 * the classes apart; resampled to a fixed pixel size, both show the same 22.4 mm of the same
 * texture, and it cannot do better than chance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeometryLeakTest {

  private static final double SPACING_MM = 0.7;
  private static final int PER_CLASS = 50;
  private static final ModelSpec SPEC = new ModelSpec("small-cnn", 32, 1, TumourClass.labels(), 5);

  private static final int TRAIN_PER_CLASS = 30;
  private RegisteredDataset dataset;
  private DatasetSplit train;
  private DatasetSplit test;

  @BeforeAll
  void writeAndRegisterCrops(@TempDir Path temp) throws IOException {
    Path root = temp.resolve("crops");
    Random random = new Random(11);
    for (int i = 0; i < PER_CLASS; i++) {
      write(root.resolve("benign/p" + i + ".dcm"), "B" + i, 48, random);
      write(root.resolve("malignant/p" + i + ".dcm"), "M" + i, 96, random);
    }
    Path dataDir = temp.resolve("node");
    new DatasetRegistration(new Part10Reader(), Clock.systemUTC()).register(dataDir, root, null, ProgressListener.NONE);
    dataset = RegisteredDataset.load(dataDir);
    // Split by crop number, not by the node's splitter, whose patient keys are random per data folder.
    List<SliceRef> all = dataset.split(1, new SplitFractions(1, 0, 0)).train().slices();
    train = new DatasetSplit(DatasetSplit.Role.TRAIN, all.stream().filter(s -> number(s) < TRAIN_PER_CLASS).toList());
    test = new DatasetSplit(DatasetSplit.Role.TEST, all.stream().filter(s -> number(s) >= TRAIN_PER_CLASS).toList());
  }

  private static int number(SliceRef slice) {
    String name = slice.path().substring(slice.path().lastIndexOf('/') + 2);
    return Integer.parseInt(name.substring(0, name.indexOf('.')));
  }

  @Test
  void aspectResizeLetsTheModelReadTheClassFromTheCropSize() throws IOException {
    Interval balancedAccuracy = trainAndTest(ResizePolicy.ASPECT, 0);

    assertThat(balancedAccuracy.lower()).as("balanced accuracy interval %s", balancedAccuracy).isGreaterThan(0.5);
  }

  @Test
  void physicalResamplingLeavesTheModelAtChance() throws IOException {
    Interval balancedAccuracy = trainAndTest(ResizePolicy.PHYSICAL, SPACING_MM);

    assertThat(balancedAccuracy.contains(0.5)).as("balanced accuracy interval %s", balancedAccuracy).isTrue();
  }

  private Interval trainAndTest(ResizePolicy policy, double mm) throws IOException {
    TrainingConfig config = new TrainingConfig(20, 16, Optimizer.ADAM, 0.002, 0, false, false, 7, 40, 400,
        Normalisation.WINDOW, policy, mm, false, false, 0, 0);
    ModelCatalogue catalogue = ModelCatalogue.standard();
    TrainingOutcome trained = new LocalTrainer(catalogue).train(
        new TrainingRequest(SPEC, NetworkParameters.read(catalogue.initialise(SPEC)), config, null),
        dataset.iterator(train, PreprocessingOptions.of(SPEC, config, true)), TrainingProgressListener.NONE,
        CancellationSignal.none());
    EvaluationCounts counts = new LocalEvaluator(catalogue).evaluate(SPEC, trained.parameters(),
        dataset.iterator(test, PreprocessingOptions.of(SPEC, config, false)), 100, CancellationSignal.none());
    return ClassificationMetrics.of(counts).balancedAccuracyInterval();
  }

  /** A crop of {@code side} pixels: dense blobs of 1.5-4 mm radius on noisy fat, one patient each. */
  private static void write(Path file, String patient, int side, Random random) throws IOException {
    double fieldMm = side * SPACING_MM;
    short[] pixels = new short[side * side];
    for (int p = 0; p < pixels.length; p++) {
      pixels[p] = (short) (1024 - 80 + 100 * random.nextGaussian());
    }
    int blobs = (int) Math.round(fieldMm * fieldMm / 60);
    for (int b = 0; b < blobs; b++) {
      double cx = random.nextDouble() * fieldMm;
      double cy = random.nextDouble() * fieldMm;
      double radius = 1.5 + 2.5 * random.nextDouble();
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          if (Math.hypot((x + 0.5) * SPACING_MM - cx, (y + 0.5) * SPACING_MM - cy) <= radius) {
            pixels[y * side + x] = (short) (1024 + 200 + 100 * random.nextGaussian());
          }
        }
      }
    }
    String uid = "2.25." + Math.abs(random.nextLong());
    byte[] bytes = new DicomWriter("1.2.840.10008.5.1.4.1.1.2", uid)
        .text(Tag.MODALITY, Vr.CS, "CT")
        .text(Tag.PATIENT_ID, Vr.LO, patient)
        .text(Tag.STUDY_INSTANCE_UID, Vr.UI, uid + ".1")
        .text(Tag.SERIES_INSTANCE_UID, Vr.UI, uid + ".2")
        .uint16(Tag.SAMPLES_PER_PIXEL, 1)
        .text(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2")
        .uint16(Tag.ROWS, side)
        .uint16(Tag.COLUMNS, side)
        .text(Tag.PIXEL_SPACING, Vr.DS, SPACING_MM + "\\" + SPACING_MM)
        .uint16(Tag.BITS_ALLOCATED, 16)
        .uint16(Tag.BITS_STORED, 16)
        .uint16(Tag.HIGH_BIT, 15)
        .uint16(Tag.PIXEL_REPRESENTATION, 0)
        .text(Tag.RESCALE_INTERCEPT, Vr.DS, "-1024")
        .text(Tag.RESCALE_SLOPE, Vr.DS, "1")
        .pixelData16(pixels)
        .toBytes();
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}
