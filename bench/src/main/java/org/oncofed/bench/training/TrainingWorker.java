package org.oncofed.bench.training;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.oncofed.bench.process.WorkerMain;
import org.oncofed.common.TumourClass;
import org.oncofed.common.model.ModelCatalogue;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.common.model.NetworkParameters;
import org.oncofed.common.model.Normalisation;
import org.oncofed.common.model.Optimizer;
import org.oncofed.common.model.ResizePolicy;
import org.oncofed.common.model.RuntimeEnvironment;
import org.oncofed.common.model.TrainingConfig;
import org.oncofed.node.dataset.DatasetSplit;
import org.oncofed.node.dataset.PreprocessingOptions;
import org.oncofed.node.dataset.RegisteredDataset;
import org.oncofed.node.dataset.SliceDataSetIterator;
import org.oncofed.node.dataset.SplitFractions;
import org.oncofed.node.train.CancellationSignal;
import org.oncofed.node.train.LocalTrainer;
import org.oncofed.node.train.TrainingOutcome;
import org.oncofed.node.train.TrainingRequest;

/**
 * Child JVM that trains as a node does: the registered dataset's training split through the
 * node's slice cache, augmentation and prefetching, into {@link LocalTrainer} with the catalogue's
 * {@code small-cnn}. Runs in its own process so that its OpenMP settings (threads, wait policy)
 * are fixed before ND4J loads. Each {@code measure} command trains one epoch from the same
 * starting model, as a round does, and answers with the images per second the trainer measured
 * and the process's CPU milliseconds per image (the work done, whatever else the machine runs).
 *
 * <p>Arguments: data folder, input size, batch size.
 */
public final class TrainingWorker {

  static final String ARCHITECTURE = "small-cnn";
  static final long SEED = 7;

  private static final OperatingSystemMXBean CPU =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private TrainingWorker() {}

  public static void main(String[] args) throws Exception {
    WorkerMain worker = WorkerMain.claimStandardOutput();
    Path dataDir = Path.of(args[0]);
    int size = Integer.parseInt(args[1]);
    int batch = Integer.parseInt(args[2]);
    RegisteredDataset dataset = RegisteredDataset.load(dataDir);
    DatasetSplit train = dataset.split(SEED, SplitFractions.DEFAULT).train();
    ModelCatalogue catalogue = ModelCatalogue.standard();
    ModelSpec spec = new ModelSpec(ARCHITECTURE, size, 1, TumourClass.labels(), SEED);
    float[] initial = NetworkParameters.read(catalogue.initialise(spec));
    TrainingConfig config = new TrainingConfig(1, batch, Optimizer.ADAM, 1e-3, 0, true, true, SEED, 40, 400,
        Normalisation.WINDOW, ResizePolicy.ASPECT, 0, false, false, 0, 0);
    SliceDataSetIterator data = dataset.iterator(train, PreprocessingOptions.of(spec, config, true));
    LocalTrainer trainer = new LocalTrainer(catalogue);
    worker.answer("ready " + train.slices().size() + " slices; " + RuntimeEnvironment.capture().summary());
    worker.serve(command -> {
      if (!command.equals("measure")) {
        throw new IllegalArgumentException("unknown command '" + command + "', expected measure or quit");
      }
      data.reset();
      long cpuBefore = CPU.getProcessCpuTime();
      TrainingOutcome outcome = trainer.train(new TrainingRequest(spec, initial, config, data.classCounts()), data,
          progress -> { }, CancellationSignal.none());
      double cpuMillisPerImage = (CPU.getProcessCpuTime() - cpuBefore) / 1e6 / outcome.sampleCount();
      return String.format(Locale.ROOT, "%.3f %.3f", outcome.examplesPerSecond(), cpuMillisPerImage);
    });
  }

  static List<String> arguments(Path dataDir, int size, int batch) {
    return List.of(dataDir.toString(), Integer.toString(size), Integer.toString(batch));
  }
}
