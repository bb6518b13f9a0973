package org.oncofed.client.experiment;

import java.io.IOException;
import org.oncofed.api.ExperimentView;
import org.oncofed.client.rest.CoordinatorApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code experiment start ID}. */
@Command(name = "start", mixinStandardHelpOptions = true,
    description = "Start a created experiment (its creator or an admin). Round 1 opens once the quorum of "
        + "sites is connected.")
final class StartCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "Experiment id.")
  private String id;

  @Override
  int run(CoordinatorApiClient api) throws IOException, InterruptedException {
    ExperimentView started = api.startExperiment(id);
    out().println("started experiment " + id + " (" + started.status() + ", " + started.rounds()
        + " round(s), quorum " + started.config().minNodes() + "); follow it with: ./oncofed experiment watch " + id);
    return ExitCodes.OK;
  }
}
