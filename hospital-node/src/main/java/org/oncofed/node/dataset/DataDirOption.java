package org.oncofed.node.dataset;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The node's data folder, shared by the dataset commands. */
final class DataDirOption {

  @Option(
      names = "--data-dir",
      defaultValue = "oncofed-work/node",
      paramLabel = "DIR",
      description = "Node data folder (default: ${DEFAULT-VALUE}).")
  Path dataDir;
}
