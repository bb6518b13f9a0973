package org.oncofed.node.deid;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code node deid}: what DICOM files still carry that could identify a patient, and de-identified copies. */
@Command(
    name = "deid",
    mixinStandardHelpOptions = true,
    description = "De-identification: check DICOM files against the basic confidentiality profile (PS3.15 Annex E),"
        + " or write a de-identified copy.",
    subcommands = {DeidCheckCommand.class, DeidApplyCommand.class})
public final class DeidCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand: check or apply");
  }
}
