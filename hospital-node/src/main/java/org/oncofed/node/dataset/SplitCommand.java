package org.oncofed.node.dataset;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code node dataset split --data-dir D [--seed S] [--fractions T,V,E] [--json]}. */
@Command(
    name = "split",
    mixinStandardHelpOptions = true,
    description = "Show the patient-level train/validation/test split for a seed.")
final class SplitCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DataDirOption data;

  @Option(names = "--seed", defaultValue = "42", description = "Split seed (default ${DEFAULT-VALUE}).")
  private long seed;

  @Option(
      names = "--fractions",
      split = ",",
      paramLabel = "T,V,E",
      description = "Train, validation and test shares of patients (default 0.7,0.15,0.15).")
  private double[] fractions;

  @Option(names = "--json", description = "Print counts as JSON.")
  private boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SplitFractions shares;
    RegisteredDataset dataset;
    try {
      shares = fractions == null ? SplitFractions.DEFAULT : fromOption(fractions);
      dataset = RegisteredDataset.load(data.dataDir);
    } catch (IllegalArgumentException | IOException e) {
      err.println("split: " + e.getMessage());
      return 1;
    }
    DatasetSplits splits = dataset.split(seed, shares);
    if (json) {
      Map<String, Object> counts = new LinkedHashMap<>();
      for (DatasetSplit s : new DatasetSplit[] {splits.train(), splits.validation(), splits.test()}) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("patients", s.patients());
        part.put("slices", s.slices().size());
        part.put("classCounts", s.classCounts());
        counts.put(s.role().name().toLowerCase(java.util.Locale.ROOT), part);
      }
      out.println(DatasetIndexStore.JSON.writeValueAsString(counts));
    } else {
      ReportText.split(out, splits);
    }
    return 0;
  }

  private static SplitFractions fromOption(double[] values) {
    if (values.length != 3) {
      throw new IllegalArgumentException("--fractions needs three values (train,validation,test), found " + values.length);
    }
    return new SplitFractions(values[0], values[1], values[2]);
  }
}
