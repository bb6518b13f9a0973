package org.oncofed.client.experiment;

import java.io.IOException;
import java.nio.file.Path;
import org.oncofed.api.ExperimentView;
import org.oncofed.client.rest.CoordinatorApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code experiment pretrained ID FILE}: replaces a created experiment's initial model. */
@Command(name = "pretrained", mixinStandardHelpOptions = true,
    description = "Use pretrained weights as the initial model of a created (not yet started) experiment: an "
        + "F32_LE_V1 parameter file or a DL4J model zip whose network matches the experiment's model.")
final class PretrainedCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "Experiment id.")
  private String id;

  @Parameters(index = "1", paramLabel = "FILE", description = "Weights file.")
  private Path weights;

  @Override
  void checkInputs() {
    LocalFiles.requireFile("weights file", weights);
  }

  @Override
  int run(CoordinatorApiClient api) throws IOException, InterruptedException {
    ExperimentView updated = api.uploadInitialModel(id, weights);
    out().println("initial model of experiment " + id + " is now " + updated.initialModel() + " (from " + weights + ")");
    return ExitCodes.OK;
  }
}
