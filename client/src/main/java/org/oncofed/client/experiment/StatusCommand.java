package org.oncofed.client.experiment;

import java.io.IOException;
import org.oncofed.client.rest.CoordinatorApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code experiment status ID}: configuration, progress, rounds with metrics, open tasks, final results. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show an experiment: configuration, progress, every round with its pooled validation metrics, "
        + "tasks now at sites, and the final comparison once it exists.")
final class StatusCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "Experiment id.")
  private String id;

  @Option(names = "--json", description = "Print the status JSON as the coordinator sends it.")
  private boolean json;

  @Override
  int run(CoordinatorApiClient api) throws IOException, InterruptedException {
    out().print(json ? api.get("/api/experiments/" + id) + "\n" : StatusText.status(api.experiment(id)));
    return ExitCodes.OK;
  }
}
