package org.oncofed.client.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.oncofed.client.rest.CoordinatorApiClient;
import org.oncofed.common.hash.CanonicalJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code experiment report ID --out DIR}: saves report.html and report.json and prints the verdict. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Save the experiment report as report.html (charts and tables) and report.json (every number) "
        + "in a folder, and print the verdict of the final comparison.")
final class ReportCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "Experiment id.")
  private String id;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write into (created if absent).")
  private Path dir;

  @Override
  int run(CoordinatorApiClient api) throws IOException, InterruptedException {
    String json = api.reportJson(id);
    String html = api.reportHtml(id);
    LocalFiles.createDirectories(dir);
    out().println("wrote " + LocalFiles.write(dir.resolve("report.html"), html));
    out().println("wrote " + LocalFiles.write(dir.resolve("report.json"), json));
    JsonNode report = CanonicalJson.parse(json);
    JsonNode verdict = report.path("results").path("comparison").path("verdict");
    out().println(verdict.isTextual()
        ? "verdict: " + verdict.asText()
        : "no final comparison yet: the experiment is " + report.path("status").asText()
            + (report.path("results").isObject() ? " and has no local-only baselines to compare with" : ""));
    return ExitCodes.OK;
  }
}
