package org.oncofed.client.experiment;

import java.io.IOException;
import java.util.List;
import org.oncofed.api.ModelCard;
import org.oncofed.api.ReleaseView;
import org.oncofed.client.rest.CoordinatorApiClient;
import picocli.CommandLine.Command;

/** {@code experiment releases}: the model registry, one line per released model. */
@Command(name = "releases", mixinStandardHelpOptions = true, description = "List the released models.")
final class ReleasesCommand extends ApiCommand {

  @Override
  int run(CoordinatorApiClient api) throws IOException, InterruptedException {
    List<ReleaseView> releases = api.releases();
    for (ReleaseView release : releases) {
      ModelCard card = release.card();
      out().println(String.join("  ", release.id(), card.name(), card.modelSha256().substring(0, 12),
          "experiment " + card.experimentId(), "round " + card.round(), "by " + card.releasedBy(),
          card.releasedAt().toString()));
    }
    out().println(releases.size() + " released model(s)");
    return ExitCodes.OK;
  }
}
