package org.oncofed.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.api.ExperimentView;
import org.oncofed.api.FinalResults;
import org.oncofed.api.MetricsView;
import org.oncofed.api.ModelCard;
import org.oncofed.api.ReleaseView;
import org.oncofed.client.rest.CoordinatorApiClient;
import org.oncofed.common.audit.AuditVerdict;
import org.oncofed.common.cli.Failures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code ./oncofed demo}: a whole federated experiment on this machine. Three synthetic hospitals
 * with different scanners, a coordinator and three nodes as separate processes over mutual TLS,
 * FedAvg rounds with per-round pooled metrics, local-only baselines, each site's on-site Grad-CAM
 * page, the report, and an offline verification of the audit trail.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run a whole federated experiment on this machine: PKI, synthetic hospitals, coordinator and "
        + "nodes as processes on loopback, FedAvg rounds, report, audit verification.")
public final class DemoCommand implements Callable<Integer> {

  static final List<SyntheticHospitals.Hospital> HOSPITALS = SyntheticHospitals.threeSites(1.0);
  static final List<String> SITES = HOSPITALS.stream().map(SyntheticHospitals.Hospital::site).toList();

  @Option(names = "--work", paramLabel = "DIR", defaultValue = "oncofed-work/demo",
      description = "Work folder, recreated on every run (default: ${DEFAULT-VALUE}).")
  private Path work;

  @Option(names = "--rounds", defaultValue = "8", description = "Federated rounds (default: ${DEFAULT-VALUE}).")
  private int rounds;

  @Option(names = "--epochs", defaultValue = "3", description = "Local epochs per round (default: ${DEFAULT-VALUE}).")
  private int epochs;

  @Option(names = "--input-size", defaultValue = "64", description = "Input size in pixels (default: ${DEFAULT-VALUE}).")
  private int inputSize;

  @Option(names = "--quick", description = "A small, fast run: an eighth of the patients, 2 rounds of 1 epoch at 32 px.")
  private boolean quick;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1200",
      description = "Give up after this long (default: ${DEFAULT-VALUE}).")
  private int timeoutSeconds;

  private final Console console = new Console(System.out);

  @Override
  public Integer call() {
    if (quick) {
      rounds = 2;
      epochs = 1;
      inputSize = 32;
    }
    List<SyntheticHospitals.Hospital> hospitals = quick ? SyntheticHospitals.threeSites(0.12) : HOSPITALS;
    Instant started = Instant.now();
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    try (LocalFederation federation = LocalFederation.create(OncofedHome.locate(), work)) {
      console.step("Development PKI in " + federation.work().resolve("pki")
          + ": CA, coordinator, " + SITES.size() + " sites, a researcher, an auditor");

      console.step("Synthetic hospitals (DICOM CT archives, registered in each node's data folder)");
      for (SyntheticHospitals.Hospital hospital : hospitals) {
        console.detail(SyntheticHospitals.prepare(hospital, federation.work().resolve("archives"),
            federation.nodeDataDir(hospital.site())));
      }

      console.step("Starting the coordinator (gRPC 127.0.0.1:" + federation.grpcPort()
          + ", REST " + federation.restUri() + ")");
      federation.startCoordinator(timeout);
      console.detail("up, pid " + federation.coordinator().pid());

      console.step("Starting " + SITES.size() + " hospital nodes: " + String.join(", ", SITES));
      console.detail("site approval is on; each site's policy pre-approves plans by " + LocalFederation.RESEARCHER
          + " (oncofed.node.policy.pre-approve.researchers)");
      for (String site : SITES) {
        federation.startNode(site);
      }
      Set<String> expected = new LinkedHashSet<>(SITES);
      console.table(federation.awaitConnected(expected, timeout,
          connected -> console.detail(connected + "/" + expected.size() + " connected over mTLS")));

      CoordinatorApiClient api = federation.api();
      ExperimentView experiment = api.createExperiment(config());
      console.step("Experiment " + experiment.id() + ": small-cnn at " + inputSize + " px, " + rounds + " FedAvg rounds of "
          + epochs + " local epoch(s), quorum 2");
      api.startExperiment(experiment.id());
      ExperimentView finished = new ExperimentWatcher(api, console)
          .watch(experiment.id(), timeout, federation::requireAllAlive);
      if (!finished.status().equals("COMPLETED")) {
        console.error("experiment ended " + finished.status() + ": " + finished.statusReason());
        return 1;
      }

      console.step("Pooled test results (every site's test split)");
      printResults(finished.results());
      printPrivacy(finished);
      if (!printExplanations(federation, experiment.id())) {
        return 1;
      }
      Path reportDir = Files.createDirectories(federation.work().resolve("report"));
      Files.writeString(reportDir.resolve("report.html"), api.reportHtml(experiment.id()));
      Files.writeString(reportDir.resolve("report.json"), api.reportJson(experiment.id()));
      console.detail("report: " + reportDir.resolve("report.html"));

      ReleaseView release = api.releaseModel(experiment.id(), "demo tumour classifier", null);
      console.step("Best global model released to the registry as " + release.id());
      console.detail("model " + release.card().modelSha256().substring(0, 12) + " of round " + release.card().round()
          + ", trained at " + String.join(", ", release.card().sites().stream().map(ModelCard.TrainingSite::site).toList())
          + "; its model card is signed by the coordinator (./oncofed experiment releases)");

      Path export = federation.work().resolve("audit.jsonl");
      console.step("Audit trail exported as auditor to " + export + ", verified offline (CA and site ledgers only):");
      AuditVerdict verdict = federation.exportAndVerifyAudit(export);
      console.detail(verdict.summary());
      console.detail("to repeat: ./oncofed audit verify " + export + " --ca " + federation.pki().caCertificate());
      if (!verdict.valid()) {
        console.error("the audit trail does not verify");
        return 1;
      }

      console.step("Stopping all processes");
      List<String> unclean = federation.stopAll();
      if (!unclean.isEmpty()) {
        console.error("did not stop cleanly: " + String.join(", ", unclean));
        return 1;
      }
      console.detail("all stopped cleanly; logs in " + federation.work().resolve("logs"));
      console.done("Demo", Duration.between(started, Instant.now()));
      return 0;
    } catch (Exception e) {
      console.error(Failures.rootMessage(e));
      return 1;
    }
  }

  private ExperimentConfig config() {
    return new ExperimentConfig("demo tumour classifier",
        new ExperimentConfig.ModelConfig("small-cnn", inputSize, 1, 42L),
        new ExperimentConfig.LocalTraining(epochs, 16, "adam", 0.002, 0.0, true, true, 7L, 40.0, 400.0, null, null, null, null, null, null, null),
        new ExperimentConfig.StrategyConfig("fedavg", Map.of()),
        rounds, 2, 1.0, 600, null, null, true, SITES);
  }

  private void printResults(FinalResults results) {
    if (results == null) {
      console.error("no test results");
      return;
    }
    console.detail(String.format(Locale.ROOT, "%-28s %9s %9s %9s", "model", "accuracy", "macro F1", "macro AUC"));
    row("federated (round " + results.bestRound() + ")", results.federated().test());
    for (FinalResults.ModelResult baseline : results.baselines()) {
      row("local-only " + baseline.trainedAt(), baseline.test());
    }
    if (results.comparison() != null) {
      console.detail(results.comparison().verdict());
    }
  }

  /** What each site's accountant says it spent, and on which approval. */
  private void printPrivacy(ExperimentView finished) {
    console.step("Privacy spent per site (each site's own accountant, on its training data)");
    for (ExperimentView.SiteView site : finished.sites()) {
      console.detail(String.format(Locale.ROOT, "%-11s epsilon %s at delta %s, %s; plan %s", site.site(),
          site.epsilon(), site.delta(), site.maxEpsilon() > 0 ? "max-epsilon " + site.maxEpsilon() : "no max-epsilon",
          site.approval()));
    }
    if (config().privacy() == null) {
      console.detail("the demo's experiment adds no noise to updates, so no site can bound its loss (epsilon "
          + "infinite); see docs/site-policy.md");
    }
  }

  /** Each site's Grad-CAM page; false, after saying which, when a site wrote none. */
  private boolean printExplanations(LocalFederation federation, String experimentId) {
    for (String site : SITES) {
      Path page = federation.explanationsPage(site, experimentId);
      if (!Files.isRegularFile(page)) {
        console.error(site + " wrote no Grad-CAM page for the global model: expected " + page + " (see "
            + federation.work().resolve("logs/node-" + site + ".log") + ")");
        return false;
      }
      console.detail(site + ": Grad-CAM heatmaps on its own test slices (never left the site): " + page);
    }
    return true;
  }

  private void row(String name, MetricsView metrics) {
    console.detail(String.format(Locale.ROOT, "%-28s %9s %9s %9s", name,
        metrics == null ? "-" : ExperimentWatcher.number(metrics.accuracy()),
        metrics == null ? "-" : ExperimentWatcher.number(metrics.macroF1()),
        metrics == null ? "-" : ExperimentWatcher.number(metrics.macroAuc().estimate())));
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new DemoCommand()).execute(args));
  }
}
