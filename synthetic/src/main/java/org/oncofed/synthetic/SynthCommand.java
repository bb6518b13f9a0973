package org.oncofed.synthetic;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.oncofed.common.TumourClass;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code synth --out DIR --site NAME --patients N [--seed S] [--scanner P] [--balance n,b,m]}: the
 * entry point of the synthetic module's jar, for development and tests (no hospital needs it).
 */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Write a synthetic hospital's chest CT dataset (DICOM CT Image Storage, made-up patients)",
      "and labels.csv. Sites differ by scanner: soft, standard or sharp (see docs/datasets.md)."
    })
public final class SynthCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "New or empty output folder.")
  private Path out;

  @Option(names = "--site", required = true, paramLabel = "NAME", description = "Site name (prefixes patient IDs).")
  private String site;

  @Option(names = "--patients", required = true, paramLabel = "N", description = "Number of patients.")
  private int patients;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
  private long seed;

  @Option(
      names = "--scanner",
      paramLabel = "PROFILE",
      description = "soft, standard or sharp (default: chosen from the site name).")
  private String scanner;

  @Option(
      names = "--balance",
      paramLabel = "N,B,M",
      split = ",",
      description = "Fractions of normal, benign and malignant patients (default: the scanner profile's).")
  private double[] balance;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ScannerProfile profile;
    SiteSynthesizer.Request request;
    try {
      profile = scanner == null ? ScannerProfile.forSite(site) : ScannerProfile.fromLabel(scanner);
      request = new SiteSynthesizer.Request(this.out, site, patients, seed, profile, balance);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("synth: " + e.getMessage());
      return 2;
    }
    long started = System.nanoTime();
    SiteSynthesizer.Summary summary = SiteSynthesizer.synthesize(request);
    out.printf("site %s: %d patients, scanner %s (%s, kernel %s, %dx%d at %s mm, intercept %d)%n",
        summary.site(), summary.patients(), profile.label(), profile.model(), profile.kernelName(),
        profile.matrix(), profile.matrix(), profile.pixelSpacing(), profile.rescaleIntercept());
    for (TumourClass c : TumourClass.values()) {
      out.printf("  %-9s %4d patients %5d slices%n", c.label(), summary.patientsPerClass()[c.ordinal()],
          summary.slicesPerClass()[c.ordinal()]);
    }
    out.printf("wrote %d slices to %s in %.1f s; labels in %s%n",
        Arrays.stream(summary.slicesPerClass()).sum(), this.out, (System.nanoTime() - started) / 1e9,
        summary.labels());
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SynthCommand()).execute(args));
  }
}
