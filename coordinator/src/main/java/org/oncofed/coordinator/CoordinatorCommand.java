package org.oncofed.coordinator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** Entry point of the coordinator jar: {@code run} starts the server. */
@Command(
    name = "coordinator",
    mixinStandardHelpOptions = true,
    description = "OncoFed coordinator: federation service and REST API.",
    subcommands = RunCommand.class)
public final class CoordinatorCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new CoordinatorCommand()).execute(args));
  }
}
