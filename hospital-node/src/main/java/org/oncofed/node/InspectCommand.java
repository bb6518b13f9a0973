package org.oncofed.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.oncofed.dicom.DicomReader;
import org.oncofed.dicom.Inspection;
import org.oncofed.dicom.Part10Reader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code node inspect FILE... [--json] [--show-phi]}: reads each file and reports what it holds.
 * A bad file never stops the others; each failure gets one line on stderr, and the exit code is 1
 * when any file failed.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Read DICOM files and report metadata, pixel statistics and any problem.")
public final class InspectCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "DICOM files to inspect.")
  private List<Path> files;

  @Option(names = "--json", description = "One JSON object per file, one per line.")
  private boolean json;

  @Option(
      names = "--show-phi",
      description = "Also show patient-identifying attributes and instance UIDs (hidden by default).")
  private boolean showPhi;

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DicomReader reader = new Part10Reader();
    int failed = 0;
    for (Path file : files) {
      Inspection inspection = Inspection.of(reader, file);
      out.print(json ? JSON.writeValueAsString(inspection.toJson(showPhi)) + "\n" : inspection.toText(showPhi));
      out.flush();
      if (!inspection.ok()) {
        failed++;
        err.println(file + ": " + inspection.error());
        err.flush();
      }
    }
    return failed == 0 ? 0 : 1;
  }
}
