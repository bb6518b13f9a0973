package org.oncofed.node;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.oncofed.common.hash.CanonicalJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code node status}: asks a running node (on this machine) how it is doing. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the state of the node running with this data folder: connection, activity, backend.")
final class StatusCommand implements Callable<Integer> {

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "oncofed-work/node",
      description = "The running node's data folder (default: ${DEFAULT-VALUE}).")
  private Path dataDir;

  @Option(names = "--json", description = "Print the raw JSON status.")
  private boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException {
    String port;
    try {
      port = Files.readString(dataDir.resolve("node-api.port")).strip();
    } catch (NoSuchFileException e) {
      System.err.println("node status: no node has run with data folder " + dataDir + " (no node-api.port file)");
      return 3;
    }
    HttpResponse<String> response;
    try {
      response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status"))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      System.err.println("node status: the node of " + dataDir + " is not running (nothing on port " + port + ")");
      return 3;
    }
    if (response.statusCode() != 200) {
      System.err.println("node status: the node answered HTTP " + response.statusCode());
      return 1;
    }
    System.out.println(json ? response.body() : StatusText.render(CanonicalJson.parse(response.body())));
    return 0;
  }
}
