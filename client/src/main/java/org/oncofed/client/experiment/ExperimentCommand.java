package org.oncofed.client.experiment;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code oncofed experiment}: the researcher's command line over the coordinator's REST API, with
 * the researcher's client certificate. Every subcommand takes the connection options.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
    description = "Create, run and follow federated experiments; download their reports and models.",
    subcommands = {
        CreateCommand.class,
        ListCommand.class,
        StatusCommand.class,
        StartCommand.class,
        CancelCommand.class,
        WatchCommand.class,
        ReportCommand.class,
        ModelCommand.class,
        PretrainedCommand.class,
        ReleaseCommand.class,
        ReleasesCommand.class
    },
    footer = {"", "Exit codes: 0 done; 1 refused by the coordinator; 2 bad input (command line or local file); "
        + "3 coordinator unreachable or TLS failure; watch only: 4 experiment failed, 5 experiment cancelled."})
public final class ExperimentCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
