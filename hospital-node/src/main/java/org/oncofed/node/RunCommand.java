package org.oncofed.node;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.oncofed.common.cli.ServiceRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code node run}: connects to the coordinator and serves the local status API until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the hospital node: dial out to the coordinator and take part in training rounds.")
final class RunCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE",
      description = "YAML file(s) layered over the built-in application.yml; environment variables "
          + "(e.g. ONCOFED_NODE_LINK_COORDINATOR) override both.")
  private List<Path> configFiles = List.of();

  @Override
  public Integer call() throws InterruptedException {
    return ServiceRunner.run("node", NodeCommand.class, configFiles);
  }
}
