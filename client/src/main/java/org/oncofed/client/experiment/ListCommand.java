package org.oncofed.client.experiment;

import java.io.IOException;
import org.oncofed.client.rest.CoordinatorApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code experiment list}: every experiment, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List every experiment, newest first.")
final class ListCommand extends ApiCommand {

  @Option(names = "--json", description = "Print the JSON list as the coordinator sends it.")
  private boolean json;

  @Override
  int run(CoordinatorApiClient api) throws IOException, InterruptedException {
    out().print(json ? api.get("/api/experiments") + "\n" : StatusText.list(api.experiments()));
    return ExitCodes.OK;
  }
}
