package org.oncofed.bench.measure;

import java.util.List;

/**
 * Sizes and repetitions of a run. {@link #full()} measures what the issue asks for; {@link #tiny()}
 * runs every benchmark end to end with tiny sizes, so that the harness is exercised in CI in well
 * under a minute (its figures mean nothing).
 *
 * @param warmups unrecorded rounds before measuring (JIT compilation, caches, oneDNN kernels)
 * @param repeats recorded rounds of candidate and baseline each; the table shows medians
 * @param aggregationUpdates numbers of updates averaged
 * @param aggregationParameters parameters per update
 * @param transferBytes model size for fetch and submit
 * @param transferNodes nodes transferring at once
 * @param trainingSizes input sizes in pixels
 * @param trainingPatients synthetic patients of the training site (about six slices each, 70 % for training)
 * @param roundNodes nodes taking part in the timed rounds
 * @param rounds rounds per timed experiment; the first is not counted
 * @param dicomSlices slices decoded per measurement
 */
public record BenchSettings(
    boolean quick,
    int warmups,
    int repeats,
    List<Integer> aggregationUpdates,
    List<Integer> aggregationParameters,
    int transferBytes,
    List<Integer> transferNodes,
    List<Integer> trainingSizes,
    int trainingPatients,
    List<Integer> roundNodes,
    int rounds,
    int dicomSlices) {

  /** Training batch size and threads, fixed by the issue for DL4J and PyTorch alike. */
  public static final int TRAINING_BATCH = 32;
  public static final int TRAINING_THREADS = 2;

  public BenchSettings {
    aggregationUpdates = List.copyOf(aggregationUpdates);
    aggregationParameters = List.copyOf(aggregationParameters);
    transferNodes = List.copyOf(transferNodes);
    trainingSizes = List.copyOf(trainingSizes);
    roundNodes = List.copyOf(roundNodes);
  }

  public static BenchSettings full() {
    return new BenchSettings(false, 1, 5,
        List.of(3, 10, 50), List.of(1_000_000, 25_000_000),
        100_000_000, List.of(1, 3),
        List.of(64, 128, 224), 80,
        List.of(1, 5, 20), 6,
        400);
  }

  public static BenchSettings tiny() {
    return new BenchSettings(true, 1, 3,
        List.of(3, 5), List.of(65_536),
        1 << 20, List.of(1),
        List.of(32), 6,
        List.of(1), 3,
        10);
  }

  public BenchSettings withRepeats(int warmups, int repeats) {
    return new BenchSettings(quick, warmups, repeats, aggregationUpdates, aggregationParameters, transferBytes,
        transferNodes, trainingSizes, trainingPatients, roundNodes, rounds, dicomSlices);
  }
}
