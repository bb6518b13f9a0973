package org.oncofed.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.oncofed.bench.aggregation.AggregationBench;
import org.oncofed.bench.dicom.DicomDecodeBench;
import org.oncofed.bench.federation.RoundOverheadBench;
import org.oncofed.bench.federation.TransferBench;
import org.oncofed.bench.measure.BenchReport;
import org.oncofed.bench.measure.BenchSettings;
import org.oncofed.bench.measure.Benchmark;
import org.oncofed.bench.measure.Machine;
import org.oncofed.bench.measure.ResultTable;
import org.oncofed.bench.training.TrainingBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./oncofed bench}: runs the suite, prints the table and writes the JSON report. Every
 * figure is a ratio against a baseline measured in the same run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure aggregation, model transfer, local training, round overhead and DICOM decoding, "
        + "each against a baseline measured in the same run.")
public final class BenchCommand implements Callable<Integer> {

  static final List<String> BENCHMARKS = List.of("aggregation", "transfer", "training", "rounds", "dicom");

  @Option(names = "--quick", description = "Tiny sizes, to check that every benchmark runs (figures mean nothing).")
  boolean quick;

  @Option(names = "--only", split = ",", paramLabel = "NAME",
      description = "Benchmarks to run, comma-separated: ${COMPLETION-CANDIDATES}; all by default.",
      completionCandidates = Names.class)
  List<String> only = List.of();

  @Option(names = "--repeats", paramLabel = "N", description = "Measured repetitions of each figure (default: 5, quick: 3).")
  Integer repeats;

  @Option(names = "--warmups", paramLabel = "N", description = "Unmeasured repetitions first (default 1).")
  Integer warmups;

  @Option(names = "--json", paramLabel = "FILE", description = "Where to write the report (default: target/bench/bench-<time>.json under the checkout).")
  Path json;

  @Option(names = "--work", paramLabel = "DIR", description = "Folder for generated data, PKI and logs (default: a new temporary folder, deleted afterwards).")
  Path work;

  @Option(names = "--no-install", description = "Do not try to install PyTorch (python3-torch) when it is missing.")
  boolean noInstall;

  static final class Names extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Names() {
      super(BENCHMARKS);
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Set<String> selected = selection();
    BenchSettings settings = quick ? BenchSettings.tiny() : BenchSettings.full();
    if (repeats != null || warmups != null) {
      settings = settings.withRepeats(warmups == null ? settings.warmups() : warmups,
          repeats == null ? settings.repeats() : repeats);
    }
    Checkout checkout = Checkout.locate();
    Path workDir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("oncofed-bench");
    BenchReport report = new BenchReport(Machine.describe(), quick, System.out);
    System.out.println("OncoFed benchmarks" + (quick ? " (quick: tiny sizes, figures mean nothing)" : ""));
    System.out.println("machine: " + report.machine().summary());
    System.out.println("load average: " + Machine.loadAverageText());
    try {
      for (Benchmark benchmark : benchmarks(settings, checkout, workDir)) {
        if (!selected.contains(benchmark.name())) {
          continue;
        }
        System.out.println("running " + benchmark.name() + " (load average " + Machine.loadAverageText() + ")...");
        try {
          benchmark.run(report);
        } catch (Exception e) {
          report.skip(benchmark.name(), "", "failed: " + e);
        }
      }
    } finally {
      if (work == null) {
        WorkFolder.delete(workDir);
      }
    }
    report.finish();
    System.out.println();
    ResultTable.print(report, System.out);
    Path file = json != null ? json : checkout.reportFile(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    report.write(file);
    System.out.println("load average: " + Machine.loadAverageText());
    System.out.println("report: " + file.toAbsolutePath());
    return 0;
  }

  private Set<String> selection() {
    Set<String> selected = new LinkedHashSet<>(only.isEmpty() ? BENCHMARKS : only);
    for (String name : selected) {
      if (!BENCHMARKS.contains(name)) {
        throw new CommandLine.ParameterException(new CommandLine(this),
            "unknown benchmark '" + name + "': expected one of " + BENCHMARKS);
      }
    }
    return selected;
  }

  private List<Benchmark> benchmarks(BenchSettings settings, Checkout checkout, Path workDir) {
    return List.of(
        new AggregationBench(settings.aggregationUpdates(), settings.aggregationParameters(), settings.warmups(),
            settings.repeats()),
        new TransferBench(settings.transferBytes(), settings.transferNodes(), settings.warmups(), settings.repeats(),
            workDir),
        new TrainingBench(settings.trainingSizes(), settings.trainingPatients(), settings.warmups(), settings.repeats(),
            workDir, !noInstall),
        new RoundOverheadBench(settings.roundNodes(), settings.rounds(), workDir),
        new DicomDecodeBench(checkout.dicomSamples(), settings.dicomSlices(), settings.warmups(), settings.repeats()));
  }
}
