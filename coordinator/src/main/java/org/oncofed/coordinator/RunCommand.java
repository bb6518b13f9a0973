package org.oncofed.coordinator;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.oncofed.common.cli.ServiceRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code coordinator run}: starts the federation service and REST API and runs until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the coordinator (gRPC federation service and REST API) until interrupted.")
final class RunCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE",
      description = "YAML file(s) layered over the built-in application.yml; environment variables "
          + "(e.g. ONCOFED_FEDERATION_PORT) override both.")
  private List<Path> configFiles = List.of();

  @Override
  public Integer call() throws InterruptedException {
    return ServiceRunner.run("coordinator", CoordinatorCommand.class, configFiles);
  }
}
