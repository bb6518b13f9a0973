package org.oncofed.node.dataset;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code node dataset show --data-dir D [--json]}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show the registered dataset.")
final class ShowCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DataDirOption data;

  @Option(names = "--json", description = "Print the scan report as JSON.")
  private boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    RegisteredDataset dataset;
    try {
      dataset = RegisteredDataset.load(data.dataDir);
    } catch (IOException e) {
      spec.commandLine().getErr().println("show: " + e.getMessage());
      return 1;
    }
    DatasetIndex index = dataset.index();
    if (json) {
      out.println(DatasetIndexStore.JSON.writeValueAsString(index.report()));
    } else {
      out.printf("registered %s, index format %s v%d%n", index.registeredAt(), index.format(), index.version());
      ReportText.scan(out, index.report());
    }
    return 0;
  }
}
