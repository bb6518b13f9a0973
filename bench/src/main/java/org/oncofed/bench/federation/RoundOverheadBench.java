package org.oncofed.bench.federation;

import io.grpc.ManagedChannel;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.api.ExperimentReport;
import org.oncofed.api.RoundView;
import org.oncofed.bench.measure.BenchReport;
import org.oncofed.bench.measure.Benchmark;
import org.oncofed.bench.measure.Comparison;
import org.oncofed.bench.measure.Samples;
import org.oncofed.bench.process.RuntimeClasspath;
import org.oncofed.bench.process.Worker;
import org.oncofed.bench.training.SyntheticSite;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.client.rest.CoordinatorApiClient;
import org.oncofed.coordinator.federation.FederationServer;

/**
 * Milliseconds per round of a real experiment with a tiny model ({@code small-cnn} at 32 px, a few
 * synthetic patients per site) with 1, 5 and 20 real nodes over mutual TLS on loopback, against one
 * bare gRPC round trip over the same TLS. A round here is everything from one round's opening to
 * the next: training tasks, model download, local training, upload, aggregation, and evaluation of
 * the new model on every site's validation split. All nodes share this machine's cores, so with
 * many nodes the figure includes their computing one after another.
 */
public final class RoundOverheadBench implements Benchmark {

  /** The researcher running the benchmark's experiments; the benchmark's sites pre-approve its plans. */
  static final String RESEARCHER = "bench-researcher";

  private static final Duration EXPERIMENT_TIMEOUT = Duration.ofMinutes(60);
  private static final int PATIENTS_PER_SITE = 8;
  private static final int ROUND_TRIPS_PER_SAMPLE = 200;
  private static final int ROUND_TRIP_SAMPLES = 5;

  private final List<Integer> nodeCounts;
  private final int rounds;
  private final Path work;

  public RoundOverheadBench(List<Integer> nodeCounts, int rounds, Path work) {
    if (rounds < 2) {
      throw new IllegalArgumentException("need at least 2 rounds (the first is not counted), found " + rounds);
    }
    this.nodeCounts = List.copyOf(nodeCounts);
    this.rounds = rounds;
    this.work = work.resolve("rounds");
  }

  @Override
  public String name() {
    return "rounds";
  }

  @Override
  public void run(BenchReport report) throws Exception {
    DevPki pki = DevPki.init(work.resolve("pki"), List.of(), false);
    Credential researcher = pki.addUser(RESEARCHER, Role.RESEARCHER);
    try (CoordinatorProcess coordinator = CoordinatorProcess.start(work, pki);
        SiteClient probe = SiteClient.connect(pki, pki.addSite("round-trip-probe"), coordinator)) {
      CoordinatorApiClient api = CoordinatorApiClient.connect(URI.create("https://localhost:" + coordinator.httpsPort()),
          researcher.certificate(), researcher.privateKey(), pki.caCertificate());
      for (int count : nodeCounts) {
        Map<String, Path> dataDirs = new LinkedHashMap<>();
        Map<String, Credential> credentials = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
          String site = "rounds" + count + "-" + i;
          credentials.put(site, pki.addSite(site));
          dataDirs.put(site, SyntheticSite.prepare(work.resolve("sites"), site, PATIENTS_PER_SITE, 1000L * count + i));
        }
        List<Double> roundTrips = new ArrayList<>(roundTripMillis(probe.bare()));
        List<Double> roundMillis;
        try (Worker nodes = Worker.start(count + " nodes",
            Worker.java(RuntimeClasspath.current().without(FederationServer.class).last(NodeHost.class).withoutManifests(work.resolve("classpath")),
                List.of(), NodeHost.class, NodeHost.arguments(pki, coordinator.federationPort(), dataDirs, credentials)),
            Map.of(), work.resolve("logs").resolve("nodes-" + count + ".log"))) {
          nodes.answer(Duration.ofMinutes(10));
          awaitConnected(api, dataDirs.keySet().stream().toList());
          roundMillis = experimentRoundMillis(api, count, dataDirs.keySet().stream().toList());
        }
        roundTrips.addAll(roundTripMillis(probe.bare()));
        report.add(new Comparison("rounds", "small-cnn 32 px, " + count + (count == 1 ? " node" : " nodes"), "ms",
            false, new Samples(roundMillis), new Samples(roundTrips), "bare gRPC round trip", null));
      }
    }
  }

  private List<Double> experimentRoundMillis(CoordinatorApiClient api, int count, List<String> sites) throws Exception {
    ExperimentConfig config = new ExperimentConfig("round overhead, " + count + " nodes",
        new ExperimentConfig.ModelConfig("small-cnn", 32, 1, 42L),
        new ExperimentConfig.LocalTraining(1, 32, "adam", 1e-3, null, null, false, 7L, null, null, null, null, null, null, null, null, null),
        null, rounds, count, 1.0, 600, null, null, false, sites);
    String id = api.createExperiment(config).id();
    api.startExperiment(id);
    long deadline = System.nanoTime() + EXPERIMENT_TIMEOUT.toNanos();
    String status = api.experiment(id).status();
    while (!status.equals("COMPLETED") && !status.equals("FAILED") && !status.equals("CANCELLED")) {
      if (System.nanoTime() > deadline) {
        api.cancelExperiment(id);
        throw new IOException("experiment with " + count + " nodes did not finish within " + EXPERIMENT_TIMEOUT);
      }
      Thread.sleep(500);
      status = api.experiment(id).status();
    }
    ExperimentReport report = api.report(id);
    if (!status.equals("COMPLETED") || report.rounds().size() != rounds) {
      throw new IOException("experiment with " + count + " nodes ended " + status + " after " + report.rounds().size()
          + " of " + rounds + " rounds: " + report.statusReason());
    }
    List<Double> millis = new ArrayList<>();
    // Round r lasts until round r + 1 opens (its evaluation included); round 1 warms caches up.
    for (int r = 1; r + 1 < report.rounds().size(); r++) {
      Instant opened = report.rounds().get(r).openedAt();
      Instant next = report.rounds().get(r + 1).openedAt();
      millis.add(Duration.between(opened, next).toNanos() / 1e6);
    }
    return millis;
  }

  private static void awaitConnected(CoordinatorApiClient api, List<String> sites) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (true) {
      long connected = api.nodes().stream().filter(node -> node.connected() && sites.contains(node.siteId())).count();
      if (connected == sites.size()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(connected + " of " + sites.size() + " nodes connected within 5 minutes");
      }
      Thread.sleep(250);
    }
  }

  /** Mean milliseconds of a unary call, over several batches. */
  private static List<Double> roundTripMillis(ManagedChannel channel) {
    List<Double> samples = new ArrayList<>();
    for (int s = 0; s < ROUND_TRIP_SAMPLES; s++) {
      long start = System.nanoTime();
      for (int i = 0; i < ROUND_TRIPS_PER_SAMPLE; i++) {
        BareService.echo(channel);
      }
      samples.add((System.nanoTime() - start) / 1e6 / ROUND_TRIPS_PER_SAMPLE);
    }
    return samples;
  }
}
