package org.oncofed.node.dataset;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code node dataset register|show|split}: the node's registered training data. */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    description = "Register a DICOM dataset folder, show the registration, preview the patient split.",
    subcommands = {RegisterCommand.class, ShowCommand.class, SplitCommand.class})
public final class DatasetCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
