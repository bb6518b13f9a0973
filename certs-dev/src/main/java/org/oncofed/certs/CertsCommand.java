package org.oncofed.certs;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code oncofed certs}: the development PKI on the command line. */
@Command(
    name = "oncofed certs",
    description =
        "Creates and maintains the development PKI: CA, coordinator, hospital site and user"
            + " certificates, revocation list. DEVELOPMENT ONLY: the CA key is stored unprotected.",
    subcommands = {
      InitCommand.class,
      AddSiteCommand.class,
      AddUserCommand.class,
      RevokeCommand.class,
      ListCommand.class,
      ReissueCrlCommand.class,
      BadCommand.class
    })
public final class CertsCommand implements Runnable {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      scope = ScopeType.INHERIT,
      description = "Show this help and exit.")
  private boolean help;

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "missing subcommand: expected one of " + String.join(", ", spec.subcommands().keySet()));
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new CertsCommand()).execute(args));
  }
}
