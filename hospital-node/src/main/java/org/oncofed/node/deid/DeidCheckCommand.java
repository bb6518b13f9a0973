package org.oncofed.node.deid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.oncofed.dicom.DeidentificationFindings;
import org.oncofed.dicom.DicomFormatException;
import org.oncofed.dicom.Part10Reader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code node deid check PATH... [--json]}: for each DICOM file (folders are walked), the attributes
 * of the basic confidentiality profile that carry a value, private attributes, dates and the
 * burned-in flags, then a summary. Attribute names only, never values. Exit code 0 when every file
 * is clean, 1 when any still carries something or could not be read.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Report what DICOM files still carry that the basic confidentiality profile (PS3.15 Annex E)"
        + " removes or replaces: identifying attributes, private attributes, dates, burned-in annotation."
        + " Names attributes, never their values. Exit code 0 when every file is clean.")
public final class DeidCheckCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "DICOM files or folders (walked recursively).")
  private List<Path> paths;

  @Option(names = "--json", description = "One JSON object per file, one per line, then the summary.")
  private boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Part10Reader reader = new Part10Reader();
    DeidSummary summary = new DeidSummary();
    for (Path file : files(paths)) {
      try {
        DeidentificationFindings findings = reader.readDeidentificationFindings(file);
        summary.add(findings);
        out.print(json ? JSON.writeValueAsString(DeidReport.json(file, findings)) + "\n" : DeidReport.text(file, findings));
      } catch (DicomFormatException e) {
        summary.unreadable();
        err.println(file + ": " + e.getMessage());
        err.flush();
      }
      out.flush();
    }
    out.print(json ? JSON.writeValueAsString(summary.json()) + "\n" : summary.text());
    out.flush();
    return summary.allClean() ? 0 : 1;
  }

  /** The files named and those under the folders named, each folder's in path order. */
  static List<Path> files(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.isDirectory(path)) {
        files.add(path);
        continue;
      }
      try (Stream<Path> walked = Files.walk(path)) {
        walked.filter(Files::isRegularFile).sorted().forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
      }
    }
    return files;
  }
}
