package org.oncofed.client.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.oncofed.client.rest.CoordinatorApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code experiment model ID --out FILE}: downloads the best global model, hash-checked. */
@Command(name = "model", mixinStandardHelpOptions = true,
    description = "Download the experiment's best global model (the current one before any validation) as "
        + "F32_LE_V1 parameters; the file's SHA-256 is checked against the coordinator's.")
final class ModelCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "Experiment id.")
  private String id;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "File to write (replaced if present).")
  private Path target;

  @Override
  int run(CoordinatorApiClient api) throws IOException, InterruptedException {
    // Download beside the target and move it into place only once the hash checks out.
    Path partial = LocalFiles.temporaryBeside(target);
    try {
      String sha256 = api.downloadModel(id, partial);
      long bytes = Files.size(partial);
      LocalFiles.moveInto(partial, target);
      out().println("wrote " + target + ": model " + sha256 + " (" + bytes + " bytes, F32_LE_V1)");
      return ExitCodes.OK;
    } finally {
      LocalFiles.deleteIfExists(partial);
    }
  }
}
