package org.oncofed.client.experiment;

import java.io.IOException;
import org.oncofed.api.ExperimentView;
import org.oncofed.client.rest.CoordinatorApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code experiment cancel ID}. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
    description = "Cancel a created or running experiment (its creator or an admin). Tasks out at sites are "
        + "cancelled; models and metrics so far are kept.")
final class CancelCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "Experiment id.")
  private String id;

  @Override
  int run(CoordinatorApiClient api) throws IOException, InterruptedException {
    ExperimentView answer = api.cancelExperiment(id);
    // A running experiment stops at its next step, so the answer may still say RUNNING.
    out().println(answer.status().equals("CANCELLED")
        ? "cancelled experiment " + id
        : "cancellation of experiment " + id + " requested; it stops at its next step (now " + answer.status() + ")");
    return ExitCodes.OK;
  }
}
