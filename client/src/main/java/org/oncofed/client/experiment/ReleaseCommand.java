package org.oncofed.client.experiment;

import java.io.IOException;
import org.oncofed.api.ModelCard;
import org.oncofed.api.ReleaseView;
import org.oncofed.client.rest.CoordinatorApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code experiment release ID --name NAME [--model SHA256]}: puts a model in the registry. */
@Command(name = "release", mixinStandardHelpOptions = true,
    description = "Release a completed experiment's global model (its best one by default) with a model card the "
        + "coordinator signs (its creator or an admin).")
final class ReleaseCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "Experiment id.")
  private String id;

  @Option(names = "--name", required = true, paramLabel = "NAME", description = "Name in the registry.")
  private String name;

  @Option(names = "--model", paramLabel = "SHA256", description = "Another of its global models, by hash.")
  private String model;

  @Override
  int run(CoordinatorApiClient api) throws IOException, InterruptedException {
    ReleaseView release = api.releaseModel(id, name, model);
    ModelCard card = release.card();
    out().println("released '" + card.name() + "' as " + release.id() + ": model " + card.modelSha256() + " (round "
        + card.round() + ", " + card.architecture() + " at " + card.inputSize() + " px, trained at "
        + String.join(", ", card.sites().stream().map(ModelCard.TrainingSite::site).toList()) + ")");
    return ExitCodes.OK;
  }
}
