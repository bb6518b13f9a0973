package org.oncofed.bench.training;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.oncofed.bench.measure.BenchReport;
import org.oncofed.bench.measure.BenchSettings;
import org.oncofed.bench.measure.Benchmark;
import org.oncofed.bench.measure.Comparison;
import org.oncofed.bench.measure.Interleaved;
import org.oncofed.bench.measure.Samples;
import org.oncofed.bench.process.RuntimeClasspath;
import org.oncofed.bench.process.Worker;
import org.oncofed.common.TumourClass;
import org.oncofed.common.model.ModelSpec;

/**
 * Local training in images per second: the node's real training path (slice cache, augmentation,
 * prefetching, {@code LocalTrainer}, {@code small-cnn}) in one JVM against PyTorch running the same
 * network in another process, both with {@value BenchSettings#TRAINING_THREADS} threads and batch
 * {@value BenchSettings#TRAINING_BATCH}, measured alternately at each input size.
 */
public final class TrainingBench implements Benchmark {

  private static final Duration MEASUREMENT_TIMEOUT = Duration.ofMinutes(30);

  private final List<Integer> sizes;
  private final int patients;
  private final int warmups;
  private final int repeats;
  private final Path work;
  private final boolean installTorch;

  public TrainingBench(List<Integer> sizes, int patients, int warmups, int repeats, Path work, boolean installTorch) {
    this.sizes = List.copyOf(sizes);
    this.patients = patients;
    this.warmups = warmups;
    this.repeats = repeats;
    this.work = work.resolve("training");
    this.installTorch = installTorch;
  }

  @Override
  public String name() {
    return "training";
  }

  @Override
  public void run(BenchReport report) throws Exception {
    Path dataDir = SyntheticSite.prepare(work, "training-site", patients, 11);
    TorchBaseline.Availability torch = TorchBaseline.locate(work, installTorch);
    int batch = BenchSettings.TRAINING_BATCH;
    int threads = BenchSettings.TRAINING_THREADS;
    Map<String, String> environment = Map.of("OMP_NUM_THREADS", Integer.toString(threads));
    for (int size : sizes) {
      TorchMirror mirror = TorchMirror.of(new ModelSpec(TrainingWorker.ARCHITECTURE, size, 1, TumourClass.labels(),
          TrainingWorker.SEED));
      String label = "small-cnn " + size + " px, batch " + batch + ", " + threads + " threads";
      try (Worker dl4j = Worker.start("DL4J " + size + " px",
          Worker.java(RuntimeClasspath.current().withoutManifests(work.resolve("classpath")), List.of(), TrainingWorker.class,
              TrainingWorker.arguments(dataDir, size, batch)),
          environment, work.resolve("logs").resolve("dl4j-" + size + ".log"))) {
        String ready = dl4j.answer(MEASUREMENT_TIMEOUT);
        int slices = Integer.parseInt(ready.split(" ")[1]);
        if (size == sizes.get(0)) {
          report.note("training: DL4J " + ready.substring(ready.indexOf(';') + 1).trim()
              + "; OMP_WAIT_POLICY=" + System.getenv().getOrDefault("OMP_WAIT_POLICY", "(unset)")
              + ", GLIBC_TUNABLES=" + System.getenv().getOrDefault("GLIBC_TUNABLES", "(unset)")
              + " (both workers)");
        }
        if (torch.torch().isEmpty()) {
          Samples alone = measureAlone(dl4j);
          report.skip("training", label, "DL4J " + Math.round(alone.median()) + " images/s; no ratio: " + torch.reason());
          continue;
        }
        try (Worker pytorch = torch.torch().get().start(size, batch, threads, mirror.globalPooling())) {
          String torchReady = pytorch.answer(MEASUREMENT_TIMEOUT);
          mirror.check(torchReady);
          if (size == sizes.get(0)) {
            report.note("training: PyTorch " + torchReady.substring("ready ".length()));
          }
          String steps = "measure " + Math.max(1, (slices + batch - 1) / batch);
          Interleaved.Pair pair = Interleaved.run(warmups, repeats,
              () -> imagesPerSecond(dl4j.call("measure", MEASUREMENT_TIMEOUT)),
              () -> Double.parseDouble(pytorch.call(steps, MEASUREMENT_TIMEOUT)));
          report.add(new Comparison("training", label, "images/s", true, pair.candidate(), pair.baseline(),
              "PyTorch", 0.8));
        }
      }
    }
  }

  private Samples measureAlone(Worker dl4j) throws Exception {
    return Interleaved.run(warmups, repeats, () -> imagesPerSecond(dl4j.call("measure", MEASUREMENT_TIMEOUT)),
        () -> 0).candidate();
  }

  /** The first figure of the worker's answer (the second is CPU time per image, for profiling). */
  private static double imagesPerSecond(String answer) {
    return Double.parseDouble(answer.split(" ")[0]);
  }
}
