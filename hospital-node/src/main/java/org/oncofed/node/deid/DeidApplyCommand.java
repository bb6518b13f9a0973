package org.oncofed.node.deid;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.oncofed.common.files.SecretKeyFile;
import org.oncofed.dicom.DeidentificationOptions;
import org.oncofed.dicom.DicomFormatException;
import org.oncofed.dicom.Part10Reader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code node deid apply SRC DST}: writes a de-identified copy of every DICOM file under SRC to the
 * same relative path under DST. SRC is only read. DST must not lie inside SRC and must be empty or
 * absent; the UID key must lie outside DST, since whoever holds it can link copies to originals.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = "Write a de-identified copy of DICOM files (PS3.15 E.1 basic profile) under a new folder;"
        + " the source is never modified. Files that are not DICOM are skipped.")
public final class DeidApplyCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SRC", description = "A DICOM file or a folder, walked recursively.")
  private Path source;

  @Parameters(index = "1", paramLabel = "DST", description = "Folder for the copy: absent or empty, not inside SRC.")
  private Path target;

  @Option(names = "--uid-key", paramLabel = "FILE",
      description = "The site's secret for replacing UIDs (created when absent). Use the same file for every"
          + " run so that a patient's files keep matching UIDs. Required unless --retain-uids.")
  private Path uidKey;

  @Option(names = "--retain-uids", description = "Retain UIDs option: keep UIDs instead of replacing them.")
  private boolean retainUids;

  @Option(names = "--retain-dates",
      description = "Retain Longitudinal Temporal Information with Full Dates option: keep dates and times.")
  private boolean retainDates;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      DeidTargets.check(source, target, uidKey);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (uidKey == null && !retainUids) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--uid-key FILE is required to replace UIDs consistently (or choose --retain-uids)");
    }
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    if (uidKey != null) {
      key = SecretKeyFile.loadOrCreate(uidKey, "UID-key", key);
    }
    DeidentificationOptions options = new DeidentificationOptions(retainUids, retainDates, key);
    Part10Reader reader = new Part10Reader();
    List<Path> files = files(source);
    Path base = Files.isDirectory(source) ? source : source.toAbsolutePath().getParent();
    int written = 0;
    int skipped = 0;
    int failed = 0;
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      Path copy = target.resolve(base.relativize(file.toAbsolutePath().normalize()).toString());
      try {
        byte[] bytes = reader.deidentifiedCopy(file, options);
        Files.createDirectories(copy.getParent());
        Files.write(copy, bytes);
        written++;
      } catch (DicomFormatException e) {
        if (e.reason() == DicomFormatException.Reason.NOT_DICOM) {
          skipped++;
        } else {
          failed++;
          err.println(file + ": not copied: " + e.getMessage());
        }
      }
      progress(err, i + 1, files.size());
    }
    out.printf("Wrote %d de-identified file(s) to %s (%s); %d not DICOM, skipped; %d failed%n",
        written, target, options.describe(), skipped, failed);
    out.flush();
    return failed == 0 ? 0 : 1;
  }

  private static List<Path> files(Path source) throws IOException {
    if (!Files.isDirectory(source)) {
      return List.of(source.toAbsolutePath().normalize());
    }
    try (Stream<Path> walked = Files.walk(source)) {
      return walked.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).sorted().toList();
    }
  }

  /** A line every tenth of the way (at least every 100 files), on stderr. */
  private static void progress(PrintWriter err, int done, int total) {
    int step = Math.max(100, total / 10);
    if (done % step == 0 || done == total) {
      err.printf("de-identified %d/%d files%n", done, total);
      err.flush();
    }
  }
}
