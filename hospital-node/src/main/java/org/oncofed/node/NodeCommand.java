package org.oncofed.node;

import org.oncofed.node.approval.ApprovalsCommand;
import org.oncofed.node.dataset.DatasetCommand;
import org.oncofed.node.deid.DeidCommand;
import org.oncofed.node.ledger.LedgerCommand;
import org.oncofed.node.pacs.PacsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** Entry point of the hospital node: {@code ./oncofed node <subcommand>}. */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = "OncoFed hospital node: reads local DICOM data, trains locally, talks to the coordinator.",
    subcommands = {RunCommand.class, StatusCommand.class, InspectCommand.class,
      DatasetCommand.class, LedgerCommand.class, ApprovalsCommand.class, DeidCommand.class, PacsCommand.class})
public final class NodeCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new NodeCommand()).execute(args));
  }
}
