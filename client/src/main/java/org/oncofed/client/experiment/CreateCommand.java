package org.oncofed.client.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.oncofed.api.ExperimentView;
import org.oncofed.client.rest.CoordinatorApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code experiment create FILE}: a new experiment from a configuration file, optionally started at once. */
@Command(name = "create", mixinStandardHelpOptions = true,
    description = "Create an experiment from a configuration file (JSON, or YAML with the same fields). "
        + "The options below override the file's fields.")
final class CreateCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "FILE", description = "Experiment configuration: .json, .yml or .yaml.")
  private Path file;

  @Option(names = "--name", paramLabel = "TEXT", description = "Experiment name.")
  private String name;

  @Option(names = "--rounds", paramLabel = "N", description = "Number of federated rounds.")
  private Integer rounds;

  @Option(names = "--min-nodes", paramLabel = "N", description = "Quorum: sites whose updates a round needs.")
  private Integer minNodes;

  @Option(names = "--epochs", paramLabel = "N", description = "Local training epochs per round (training.epochs).")
  private Integer epochs;

  @Option(names = "--strategy", paramLabel = "NAME",
      description = "Aggregation strategy (strategy.name): fedavg, median, trimmed-mean, fedadam, fedyogi, fedadagrad.")
  private String strategy;

  @Option(names = "--sites", paramLabel = "SITE", split = ",",
      description = "Only these sites may take part (comma-separated).")
  private List<String> sites;

  @Option(names = "--start", description = "Start the experiment right after creating it.")
  private boolean start;

  @Option(names = "--json", description = "Print the experiment's status JSON instead of a summary.")
  private boolean json;

  private String config;

  @Override
  void checkInputs() {
    config = ExperimentFile.read(file)
        .override("name", name)
        .override("rounds", rounds)
        .override("minNodes", minNodes)
        .override("training.epochs", epochs)
        .override("strategy.name", strategy)
        .override("sites", sites)
        .json();
  }

  @Override
  int run(CoordinatorApiClient api) throws IOException, InterruptedException {
    ExperimentView created = api.createExperiment(config);
    String id = created.id();
    if (!json) {
      // Printed before starting, so that the id is known even if the start is refused.
      out().println("created experiment " + id + " \"" + created.name() + "\"");
      out().println("initial model " + created.initialModel());
    }
    if (start) {
      ExperimentView started = api.startExperiment(id);
      if (!json) {
        out().println("started (" + started.status() + "); follow it with: ./oncofed experiment watch " + id);
      }
    } else if (!json) {
      out().println("start it with: ./oncofed experiment start " + id);
    }
    if (json) {
      out().println(api.get("/api/experiments/" + id));
    }
    return ExitCodes.OK;
  }
}
