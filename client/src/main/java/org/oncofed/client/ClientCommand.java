package org.oncofed.client;

import org.oncofed.client.audit.AuditCommand;
import org.oncofed.client.experiment.ExperimentCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * Entry point of the client jar: the researchers' and auditors' tools, which talk to a coordinator
 * over its REST API (or read its exports offline) and carry none of its server dependencies.
 */
@Command(
    name = "oncofed",
    mixinStandardHelpOptions = true,
    description = "OncoFed client tools for researchers and auditors.",
    subcommands = {ExperimentCommand.class, AuditCommand.class})
public final class ClientCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ClientCommand()).execute(args));
  }
}
