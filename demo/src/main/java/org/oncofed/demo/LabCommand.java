package org.oncofed.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.oncofed.api.ExperimentView;
import org.oncofed.api.FinalResults;
import org.oncofed.client.rest.CoordinatorApiClient;
import org.oncofed.common.TumourClass;
import org.oncofed.common.cli.Failures;
import org.oncofed.dicom.Part10Reader;
import org.oncofed.node.dataset.DatasetIndex;
import org.oncofed.node.dataset.DatasetRegistration;
import org.oncofed.node.dataset.FolderLabels;
import org.oncofed.node.dataset.LabelManifest;
import org.oncofed.node.dataset.LabelSource;
import org.oncofed.node.dataset.PatientKeys;
import org.oncofed.node.dataset.ProgressListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./oncofed lab}: plans a federation on one dataset folder. The folder is divided into sites
 * by a column of a CSV (every patient in one site), each site's node registers its part through a
 * label manifest (the images stay where they are), and a real federation on loopback runs the
 * federated experiment with local-only baselines, then the same configuration centrally on a node
 * holding every site's files. Prints federated vs every local-only vs centralised and writes both
 * reports and a summary.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
    description = "Plan a federation on one dataset folder: split it into sites by a CSV column, run the federated "
        + "experiment with local-only baselines and a centralised reference as real processes on loopback, and "
        + "compare them.")
public final class LabCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "Dataset folder (class folders, or any layout with --labels).")
  private Path data;

  @Option(names = "--labels", paramLabel = "CSV",
      description = "Label manifest in the node's format; without it the first folder under --data names the class.")
  private Path labels;

  @Option(names = "--sites-csv", required = true, paramLabel = "CSV",
      description = "CSV with a patient column and the column that divides patients into sites.")
  private Path sitesCsv;

  @Option(names = "--site-column", required = true, paramLabel = "NAME",
      description = "Column of --sites-csv whose values become sites, for example a scanner manufacturer.")
  private String siteColumn;

  @Option(names = "--patient-column", defaultValue = "patient_id", paramLabel = "NAME",
      description = "Column of --sites-csv holding the DICOM Patient ID (default: ${DEFAULT-VALUE}).")
  private String patientColumn;

  @Option(names = "--min-patients", defaultValue = "20",
      description = "Fewest patients a site may have (default: ${DEFAULT-VALUE}).")
  private int minPatients;

  @Option(names = "--small-sites", defaultValue = "MERGE",
      description = "Values with fewer patients: MERGE into one '" + SitePlan.OTHER + "' site, or REFUSE "
          + "(default: ${DEFAULT-VALUE}).")
  private SitePlan.SmallSites smallSites;

  @Option(names = "--config", paramLabel = "JSON",
      description = "Experiment configuration in the REST API's format (default: the lab's small-cnn configuration).")
  private Path config;

  @Option(names = "--rounds", description = "Federated rounds, overriding the configuration.")
  private Integer rounds;

  @Option(names = "--epochs", description = "Local epochs per round, overriding the configuration.")
  private Integer epochs;

  @Option(names = "--seed", defaultValue = "1",
      description = "Seed of the model, the training, the patient keys and the nodes' patient splits "
          + "(default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "oncofed-work/lab",
      description = "Work and output folder, recreated on every run (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "7200",
      description = "Give up after this long (default: ${DEFAULT-VALUE}).")
  private int timeoutSeconds;

  private final Console console = new Console(System.out);

  @Override
  public Integer call() {
    Instant started = Instant.now();
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    try {
      if (minPatients < 1) {
        throw new IOException("--min-patients must be at least 1, found " + minPatients);
      }
      LabConfig experiment = LabConfig.load(config).override(rounds, epochs, seed);
      SiteColumn column = SiteColumn.read(sitesCsv, patientColumn, siteColumn);
      if (labels != null && !Files.isRegularFile(labels)) {
        throw new IOException("label manifest " + labels + " does not exist");
      }
      LabelSource labelSource = labels == null ? new FolderLabels() : LabelManifest.read(labels);
      console.step("Reading " + data + " (labels from " + labelSource.description() + ")");
      LabelledFiles files = LabelledFiles.scan(data, labelSource, new Part10Reader());
      console.detail(files.files().size() + " labelled files; skipped " + files.skipped().unreadable()
          + " not DICOM, " + files.skipped().unlabelled() + " without a label, " + files.skipped().withoutPatientId()
          + " without a Patient ID");
      SitePlan plan = SitePlan.divide(files.files(), column, minPatients, smallSites);
      console.step("Sites by " + column.describe() + " (at least " + minPatients + " patients each)");
      plan.describe().forEach(console::detail);
      if (plan.unassignedPatients() > 0) {
        console.detail(plan.unassignedPatients() + " patients of the dataset are not in " + sitesCsv.getFileName()
            + " and take no part");
      }
      try (LocalFederation federation = LocalFederation.create(OncofedHome.locate(), out)) {
        return run(federation, plan, experiment, timeout, started);
      }
    } catch (Exception e) {
      console.error(Failures.rootMessage(e));
      return 1;
    }
  }

  private int run(LocalFederation federation, SitePlan plan, LabConfig experiment, Duration timeout, Instant started)
      throws Exception {
    List<SitePlan.Site> nodes = new ArrayList<>(plan.sites());
    nodes.add(plan.pooled());
    console.step("Registering each node's part of the dataset (label manifests in " + federation.work().resolve("sites")
        + "; the images stay in " + data + ")");
    for (SitePlan.Site site : nodes) {
      console.detail(register(federation, site));
    }
    federation.splitSeed(seed);
    TestSets testSets = TestSets.of(plan.siteIds().stream().map(federation::nodeDataDir).toList(),
        federation.nodeDataDir(SitePlan.POOLED), seed);
    console.detail(testSets.describe());

    console.step("Starting the coordinator and " + nodes.size() + " nodes (" + String.join(", ", plan.siteIds())
        + ", and " + SitePlan.POOLED + " for the centralised reference)");
    federation.startCoordinator(timeout);
    for (SitePlan.Site site : nodes) {
      federation.startNode(site.id());
    }
    LinkedHashSet<String> expected = new LinkedHashSet<>(nodes.stream().map(SitePlan.Site::id).toList());
    federation.awaitConnected(expected, timeout,
        connected -> console.detail(connected + "/" + expected.size() + " connected over mTLS"));

    CoordinatorApiClient api = federation.api();
    String name = experiment.json().path("name").asText("lab");
    console.step("Federated experiment over " + plan.sites().size() + " sites, " + experiment.rounds() + " rounds of "
        + experiment.epochs() + " local epoch(s), then local-only baselines");
    ExperimentView federated = runExperiment(federation, api,
        experiment.forSites(name + " federated", plan.siteIds(), true), timeout);
    if (federated == null) {
      return 1;
    }
    console.step("Centralised reference: the same configuration on " + SitePlan.POOLED + " (every site's files)");
    ExperimentView centralised = runExperiment(federation, api,
        experiment.forSites(name + " centralised", List.of(SitePlan.POOLED), false), timeout);
    if (centralised == null) {
      return 1;
    }

    Path reports = Files.createDirectories(federation.work().resolve("report"));
    for (ExperimentView view : List.of(federated, centralised)) {
      String stem = view == federated ? "federated" : "centralised";
      Files.writeString(reports.resolve(stem + ".html"), api.reportHtml(view.id()));
      Files.writeString(reports.resolve(stem + ".json"), api.reportJson(view.id()));
    }
    ComparisonTable table = ComparisonTable.of(federated.results(), centralised.results(), plan.siteIds());
    console.step("Federated vs local-only (on " + ComparisonTable.SITES_TEST + ") vs centralised (on "
        + ComparisonTable.POOLED_TEST + ")");
    table.lines().forEach(console::detail);
    console.detail(testSets.describe());
    if (federated.results().comparison() != null) {
      console.detail(federated.results().comparison().verdict());
    }
    Duration took = Duration.between(started, Instant.now());
    Path summary = writeSummary(federation.work().resolve("lab-summary.json"), plan, experiment, federated,
        centralised, table, testSets, took);
    console.detail("reports: " + reports.resolve("federated.html") + ", " + reports.resolve("centralised.html"));
    console.detail("summary: " + summary);

    List<String> unclean = federation.stopAll();
    if (!unclean.isEmpty()) {
      console.error("did not stop cleanly: " + String.join(", ", unclean));
      return 1;
    }
    console.done("Lab", Duration.between(started, Instant.now()));
    return 0;
  }

  /** Writes the site's manifest and registers it in the site node's data folder, as its IT would. */
  private String register(LocalFederation federation, SitePlan.Site site) throws IOException {
    Path manifest = site.writeManifest(federation.work().resolve("sites").resolve(site.id()).resolve("labels.csv"));
    Path nodeDir = federation.nodeDataDir(site.id());
    // One secret for every node, from the seed: a patient has the same key, so the same place in
    // the split order, at its site and in the pooled node, on every run.
    byte[] patientKeySecret = new byte[32];
    new SplittableRandom(seed).nextBytes(patientKeySecret);
    PatientKeys.loadOrCreate(nodeDir, patientKeySecret);
    DatasetIndex index = new DatasetRegistration(new Part10Reader(), Clock.systemUTC())
        .register(nodeDir, data, manifest, ProgressListener.NONE);
    return String.format("%-20s %4d patients, %d files registered (%s)", site.id(), site.patients(),
        index.instances().size(), SitePlan.perClass(site.filesPerClass()));
  }

  /** Creates, starts and follows one experiment; null, after saying why, unless it completed. */
  private ExperimentView runExperiment(LocalFederation federation, CoordinatorApiClient api, String configJson,
      Duration timeout) throws IOException, InterruptedException {
    ExperimentView created = api.createExperiment(configJson);
    api.startExperiment(created.id());
    console.detail("experiment " + created.id());
    ExperimentView finished = new ExperimentWatcher(api, console).watch(created.id(), timeout,
        federation::requireAllAlive);
    if (!finished.status().equals("COMPLETED")) {
      console.error("experiment " + created.id() + " ended " + finished.status() + ": " + finished.statusReason());
      return null;
    }
    return finished;
  }

  /** What the lab did and found, as JSON: sites, configuration, experiments, the table, wall time. */
  record Summary(String dataset, String siteColumn, List<SiteSummary> sites, int patientsWithoutSite,
      JsonNode configuration, String federatedExperiment, String centralisedExperiment,
      List<ComparisonRow> comparison, TestSets testSets, long wallSeconds) {}

  /** @param filesPerClass files of each class, by class label */
  record SiteSummary(String site, List<String> values, int patients, Map<String, Long> filesPerClass) {}

  private Path writeSummary(Path file, SitePlan plan, LabConfig experiment, ExperimentView federated,
      ExperimentView centralised, ComparisonTable table, TestSets testSets, Duration took) throws IOException {
    List<SiteSummary> sites = new ArrayList<>();
    for (SitePlan.Site site : plan.sites()) {
      Map<String, Long> counts = new LinkedHashMap<>();
      long[] perClass = site.filesPerClass();
      for (TumourClass c : TumourClass.values()) {
        counts.put(c.label(), perClass[c.ordinal()]);
      }
      sites.add(new SiteSummary(site.id(), site.values(), site.patients(), counts));
    }
    Summary summary = new Summary(data.toString(), siteColumn, sites, plan.unassignedPatients(), experiment.json(),
        federated.id(), centralised.id(), table.rows(), testSets, took.toSeconds());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), summary);
    return file;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new LabCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }
}
