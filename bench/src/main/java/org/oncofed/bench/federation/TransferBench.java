package org.oncofed.bench.federation;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.oncofed.bench.measure.BenchReport;
import org.oncofed.bench.measure.Benchmark;
import org.oncofed.bench.measure.Comparison;
import org.oncofed.bench.measure.Interleaved;
import org.oncofed.certs.DevPki;
import org.oncofed.common.TumourClass;
import org.oncofed.common.hash.Sha256;
import org.oncofed.common.model.DataFingerprint;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.common.model.Normalisation;
import org.oncofed.common.model.Optimizer;
import org.oncofed.common.model.ParameterEncoding;
import org.oncofed.common.model.ResizePolicy;
import org.oncofed.common.model.RuntimeEnvironment;
import org.oncofed.common.model.TrainingConfig;
import org.oncofed.common.model.UpdateProvenance;
import org.oncofed.node.task.ModelDownloader;
import org.oncofed.node.task.UpdateUploader;
import org.oncofed.proto.federation.v1.ModelRef;
import org.oncofed.proto.federation.v1.SubmitUpdateResponse;
import org.oncofed.proto.federation.v1.UpdateHeader;

/**
 * Model fetch and update submit through the real federation service over mutual TLS (a coordinator
 * in its own process; the node's own download and upload code), against the bare service streaming
 * the same number of bytes over the same TLS, with 1 and several sites at once. Figures are
 * megabytes per second over all sites. A submit is complete when the coordinator has answered,
 * that is after it checked, folded and stored the update.
 */
public final class TransferBench implements Benchmark {

  private final long bytes;
  private final List<Integer> nodeCounts;
  private final int warmups;
  private final int repeats;
  private final Path work;
  private int round;

  public TransferBench(long bytes, List<Integer> nodeCounts, int warmups, int repeats, Path work) {
    this.bytes = bytes;
    this.nodeCounts = List.copyOf(nodeCounts);
    this.warmups = warmups;
    this.repeats = repeats;
    this.work = work.resolve("transfer");
  }

  @Override
  public String name() {
    return "transfer";
  }

  @Override
  public void run(BenchReport report) throws Exception {
    DevPki pki = DevPki.init(work.resolve("pki"), List.of(), false);
    int most = nodeCounts.stream().mapToInt(Integer::intValue).max().orElseThrow();
    List<SiteClient> sites = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(most);
    try (CoordinatorProcess coordinator = CoordinatorProcess.start(work, pki)) {
      String[] model = coordinator.storeModel(bytes);
      ModelRef reference = ModelRef.newBuilder().setSha256(model[0]).setSizeBytes(bytes)
          .setParameterCount(Long.parseLong(model[1])).setEncoding(ParameterEncoding.F32_LE_V1.toProto()).build();
      for (int i = 1; i <= most; i++) {
        sites.add(SiteClient.connect(pki, pki.addSite("transfer-" + i), coordinator));
      }
      RuntimeEnvironment runtime = RuntimeEnvironment.capture();
      for (int count : nodeCounts) {
        List<SiteClient> active = sites.subList(0, count);
        double megabytes = count * bytes / 1e6;
        List<Interleaved.Pair> pairs = Interleaved.run(warmups, repeats, 2,
            () -> realTransfer(coordinator, active, reference, runtime, megabytes, pool),
            () -> bareTransfer(active, megabytes, pool));
        String size = Math.round(bytes / 1e6) + " MB";
        String who = count + (count == 1 ? " node" : " nodes at once");
        report.add(new Comparison("transfer", "fetch model " + size + ", " + who, "MB/s", true,
            pairs.get(0).candidate(), pairs.get(0).baseline(), "bare TLS stream", 0.9));
        report.add(new Comparison("transfer", "submit update " + size + ", " + who, "MB/s", true,
            pairs.get(1).candidate(), pairs.get(1).baseline(), "bare TLS stream", 0.9));
      }
    } finally {
      for (SiteClient site : sites) {
        site.close();
      }
      pool.shutdownNow();
    }
  }

  /** One round: every active site fetches the model, then submits its update; MB/s of each phase. */
  private double[] realTransfer(CoordinatorProcess coordinator, List<SiteClient> sites, ModelRef reference,
      RuntimeEnvironment runtime, double megabytes, ExecutorService pool) throws Exception {
    int current = ++round;
    Map<String, String> tasks = coordinator.open(current, sites.stream().map(SiteClient::site).toList());
    Instant deadline = Instant.now().plus(1, ChronoUnit.HOURS);
    List<EncodedParameters> updates = new ArrayList<>();
    for (int i = 0; i < sites.size(); i++) {
      updates.add(EncodedParameters.encode(update(reference.getParameterCount(), current * 1000L + i)));
    }
    double fetch = timed(sites, pool, site -> {
      EncodedParameters model = ModelDownloader.fetch(site.federation(), tasks.get(site.site()), reference, deadline);
      return model.sizeBytes();
    });
    double submit = timed(sites, pool, site -> {
      EncodedParameters update = updates.get(sites.indexOf(site));
      SubmitUpdateResponse answer = UpdateUploader.upload(site.federation(),
          header(tasks.get(site.site()), current, reference.getSha256(), update, runtime), update, site.chunkSize(),
          deadline);
      if (!answer.getAccepted()) {
        throw new IllegalStateException("update of " + site.site() + " refused: " + answer.getReason());
      }
      return update.sizeBytes();
    });
    int accepted = coordinator.close(current);
    if (accepted != sites.size()) {
      throw new IllegalStateException("round " + current + " accepted " + accepted + " of " + sites.size() + " updates");
    }
    return new double[] {megabytes / fetch, megabytes / submit};
  }

  private double[] bareTransfer(List<SiteClient> sites, double megabytes, ExecutorService pool) throws Exception {
    byte[] data = new byte[Math.toIntExact(bytes)];
    new SplittableRandom(round).nextBytes(data);
    double fetch = timed(sites, pool, site -> BareService.fetch(site.bare(), bytes));
    double submit = timed(sites, pool, site -> BareService.submit(site.bare(), data, site.chunkSize()));
    return new double[] {megabytes / fetch, megabytes / submit};
  }

  @FunctionalInterface
  private interface Transfer {
    long run(SiteClient site) throws Exception;
  }

  /** Runs the transfer for every site at once; seconds until the last finished. */
  private double timed(List<SiteClient> sites, ExecutorService pool, Transfer transfer) throws Exception {
    List<Callable<Long>> calls = sites.stream().<Callable<Long>>map(site -> () -> transfer.run(site)).toList();
    long start = System.nanoTime();
    List<Future<Long>> results = pool.invokeAll(calls);
    double seconds = (System.nanoTime() - start) / 1e9;
    for (Future<Long> result : results) {
      if (result.get() != bytes) {
        throw new IllegalStateException("transferred " + result.get() + " bytes, expected " + bytes);
      }
    }
    return seconds;
  }

  private static float[] update(long parameters, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[Math.toIntExact(parameters)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) ((random.nextInt(1 << 20) - (1 << 19)) * 1e-7);
    }
    return values;
  }

  private static UpdateHeader header(String taskId, int round, String baseSha256, EncodedParameters update,
      RuntimeEnvironment runtime) {
    Objects.requireNonNull(taskId, "taskId");
    long samples = 100;
    UpdateProvenance provenance = UpdateProvenance.of(CoordinatorHost.EXPERIMENT, round, baseSha256,
        new ModelSpec("small-cnn", 64, 1, TumourClass.labels(), 1),
        new TrainingConfig(1, 32, Optimizer.ADAM, 1e-3, 0, false, false, 1, 40, 400, Normalisation.WINDOW, ResizePolicy.ASPECT, 0, false, false, 0, 0),
        new DataFingerprint("0".repeat(64), "train",
            List.of(SiteClient.SLICES_PER_CLASS, SiteClient.SLICES_PER_CLASS, SiteClient.SLICES_PER_CLASS)),
        List.of("synthetic update for the transfer benchmark"), samples, update.sha256(), runtime,
        System.currentTimeMillis());
    String json = provenance.canonicalJson();
    return UpdateHeader.newBuilder()
        .setTaskId(taskId)
        .setBaseModelSha256(baseSha256)
        .setSampleCount(samples)
        .setEncoding(update.encoding().toProto())
        .setParameterCount(update.parameterCount())
        .setSizeBytes(update.sizeBytes())
        .putMetrics("train_loss", 0.5)
        .setProvenanceSha256(Sha256.hex(json))
        .setProvenanceJson(json)
        .build();
  }
}
