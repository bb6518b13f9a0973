package org.oncofed.coordinator;

import org.oncofed.coordinator.audit.AuditCommand;
import org.oncofed.coordinator.cli.ExperimentCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point of the coordinator jar: the server, the researcher CLI and the auditor tools. */
@Command(
    name = "coordinator",
    mixinStandardHelpOptions = true,
    description = "OncoFed coordinator: federation service, researcher and auditor tools.",
    subcommands = {RunCommand.class, ExperimentCommand.class, AuditCommand.class})
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
