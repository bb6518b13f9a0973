package org.oncofed.node.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.Test;
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
import org.oncofed.dicom.Part10Reader;
import org.oncofed.node.dataset.DatasetRegistration;
import org.oncofed.node.dataset.DatasetSplits;
import org.oncofed.node.dataset.PreprocessingOptions;
import org.oncofed.node.dataset.ProgressListener;
import org.oncofed.node.dataset.RegisteredDataset;
import org.oncofed.node.dataset.SplitFractions;

/**
 * The measurement behind the real-CT table in docs/models.md: one site holding all of the LIDC-IDRI
 * nodule crops, split by patient (70 / 10 / 20 %), trains each asked-for model with the node's own
 * pipeline and trainer (best epoch on the validation patients) and is scored on its test
 * patients. It runs only when asked for, since it trains for minutes:
 *
 * <pre>./mvnw -B -o -q -pl hospital-node -am verify -Dtest=RealCtComparison \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Doncofed.realct=small-cnn:aspect,small-cnn:physical</pre>
 *
 * Each entry is {@code architecture:policy[:size[:epochs]]}; results are appended to
 * {@code target/real-ct.tsv}. The data is read from {@code ../shared/real-ct}.
 */
class RealCtComparison {

  private static final Path DATA = Path.of(System.getProperty("oncofed.realct.data", "../../shared/real-ct"))
      .resolve("lidc-nodule-crops");
  /** 64 px at 0.5 mm cover 32 mm, inside the smallest crop's field of view (33 mm): no padding. */
  private static final double PIXEL_MM = 0.5;

  @Test
  void trainsAndTestsTheAskedForModels(@TempDir Path temp) throws IOException {
    String runs = System.getProperty("oncofed.realct", "");
    assumeTrue(!runs.isBlank(), "set -Doncofed.realct=architecture:policy,... to measure on real CT");
    assumeTrue(Files.isDirectory(DATA), "real CT data not found at " + DATA.toAbsolutePath()
        + ": the shared LIDC-IDRI crops are needed");
    Path dataDir = temp.resolve("node");
    new DatasetRegistration(new Part10Reader(), Clock.systemUTC()).register(dataDir, DATA, null, ProgressListener.NONE);
    RegisteredDataset dataset = RegisteredDataset.load(dataDir);
    DatasetSplits splits = dataset.split(20241121, new SplitFractions(0.7, 0.1, 0.2));
    for (String run : runs.split(",")) {
      String[] parts = run.strip().split(":");
      int size = parts.length > 2 ? Integer.parseInt(parts[2]) : 64;
      int epochs = parts.length > 3 ? Integer.parseInt(parts[3]) : 15;
      ResizePolicy policy = ResizePolicy.fromWireName(parts[1]);
      String line = measure(dataset, splits, parts[0], policy, size, epochs);
      System.out.println(line);
      Files.writeString(Path.of("target/real-ct.tsv"), line + "\n", StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }

  private static String measure(RegisteredDataset dataset, DatasetSplits splits, String architecture,
      ResizePolicy policy, int size, int epochs) throws IOException {
    long start = System.nanoTime();
    int channels = 1;
    ModelSpec spec = new ModelSpec(architecture, size, channels, TumourClass.labels(), 5);
    TrainingConfig config = new TrainingConfig(epochs, 32, Optimizer.ADAM, 0.001, 1e-4, true, true, 7, -600, 1500,
        Normalisation.WINDOW, policy, policy == ResizePolicy.PHYSICAL ? PIXEL_MM * 64 / size : 0, false, false, 0, 0);
    ModelCatalogue catalogue = ModelCatalogue.standard();
    var train = dataset.iterator(splits.train(), PreprocessingOptions.of(spec, config, true));
    var validation = dataset.iterator(splits.validation(), PreprocessingOptions.of(spec, config, false));
    TrainingOutcome trained = new LocalTrainer(catalogue).train(
        new TrainingRequest(spec, NetworkParameters.read(catalogue.initialise(spec)), config, train.classCounts()),
        train, validation, TrainingProgressListener.NONE, CancellationSignal.none());
    EvaluationCounts counts = new LocalEvaluator(catalogue).evaluate(spec, trained.parameters(),
        dataset.iterator(splits.test(), PreprocessingOptions.of(spec, config, false)), LocalEvaluator.MAX_BINS,
        CancellationSignal.none());
    ClassificationMetrics m = ClassificationMetrics.of(counts);
    double seconds = (System.nanoTime() - start) / 1e9;
    // Benign against malignant: the one-vs-rest AUC of the malignant class.
    var malignant = m.perClass().get(TumourClass.MALIGNANT.ordinal());
    assertThat(malignant.aucInterval().lower()).as("%s %s learns something", architecture, policy).isGreaterThan(0.5);
    return String.format(Locale.ROOT, "%s\t%s\t%d px\t%s\t%d test\t%s\t%s\t%s (bounds %.3f-%.3f)\tbest epoch %d of %d"
            + "\t%.0f s", architecture, policy.wireName(), size, config.resizePolicy() == ResizePolicy.PHYSICAL
            ? config.pixelSpacingMm() + " mm" : "-", m.examples(), ci(m.accuracy(), m.accuracyInterval()),
        ci(m.balancedAccuracy(), m.balancedAccuracyInterval()), ci(malignant.auc().estimate(), malignant.aucInterval()),
        malignant.auc().lower(), malignant.auc().upper(), trained.bestEpoch().orElse(0), trained.epochs().size(),
        seconds);
  }

  private static String ci(double value, Interval interval) {
    return String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", value, interval.lower(), interval.upper());
  }
}
