package org.oncofed.node.dataset;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.oncofed.dicom.Part10Reader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code node dataset register --data-dir D --root DIR [--labels CSV] [--json]}. */
@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    description = {
      "Scan a DICOM folder and register it as this node's training data.",
      "Labels come from --labels (CSV) or from class folders normal/, benign/, malignant/."
    })
final class RegisterCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DataDirOption data;

  @Option(names = "--root", required = true, paramLabel = "DIR", description = "Dataset folder.")
  private Path root;

  @Option(names = "--labels", paramLabel = "CSV", description = "Labels manifest (see docs/datasets.md).")
  private Path labels;

  @Option(names = "--json", description = "Print the scan report as JSON.")
  private boolean json;

  @Option(
      names = "--require-deidentified",
      description = "Site policy: refuse files that still carry a direct identifier (patient name or ID,"
          + " birth date, accession number, ...), naming the first one per file.")
  private boolean requireDeidentified;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DatasetRegistration registration = new DatasetRegistration(new Part10Reader(), Clock.systemUTC());
    if (requireDeidentified) {
      registration = registration.requiringDeidentified();
    }
    ScanReport report;
    try {
      report = registration.register(data.dataDir, root, labels, progress(err)).report();
    } catch (DatasetRegistration.RegistrationRefusedException e) {
      print(out, e.report());
      err.println("register: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("register: " + e.getMessage());
      return 1;
    }
    print(out, report);
    err.printf("registered in %s%n", new DatasetIndexStore(data.dataDir).indexFile());
    return 0;
  }

  private void print(PrintWriter out, ScanReport report) throws IOException {
    if (json) {
      out.println(DatasetIndexStore.JSON.writeValueAsString(report));
    } else {
      ReportText.scan(out, report);
    }
    out.flush();
  }

  /** A line every tenth of the way (at least every 100 files), on stderr. */
  private static ProgressListener progress(PrintWriter err) {
    return (done, total) -> {
      int step = Math.max(100, total / 10);
      if (done % step == 0 || done == total) {
        err.printf("scanned %d/%d files%n", done, total);
        err.flush();
      }
    };
  }
}
