package org.oncofed.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.dicom.DicomImage;
import org.oncofed.dicom.Part10Reader;

/**
 * Checks synthetic files with an independent reader, pydicom (Debian: python3-pydicom,
 * python3-numpy). Skipped, with the reason, on machines without it.
 */
class PydicomCompatibilityTest {

  private static final String SCRIPT = String.join("\n",
      "import json, sys",
      "import pydicom",
      "out = []",
      "for name in sys.argv[1:]:",
      "    ds = pydicom.dcmread(name)",
      "    arr = ds.pixel_array",
      "    hu = arr * float(ds.RescaleSlope) + float(ds.RescaleIntercept)",
      "    out.append({'file': name, 'ts': str(ds.file_meta.TransferSyntaxUID), 'sop_class': str(ds.SOPClassUID),",
      "                'modality': ds.Modality, 'rows': int(ds.Rows), 'columns': int(ds.Columns),",
      "                'min': float(hu.min()), 'max': float(hu.max()), 'mean': float(hu.mean()),",
      "                'patient_id': str(ds.PatientID)})",
      "print(json.dumps({'pydicom': pydicom.__version__, 'files': out}))");

  @TempDir Path temp;

  @Test
  void pydicomReadsSyntheticFilesAndAgreesOnTheirValues() throws Exception {
    Optional<String> python = pythonWithPydicom();
    Assumptions.assumeTrue(python.isPresent(),
        "pydicom with numpy is not installed (apt-get install python3-pydicom python3-numpy): check skipped");
    List<Path> files = new ArrayList<>();
    for (ScannerProfile scanner : ScannerProfile.values()) {
      Path site = temp.resolve(scanner.label());
      SiteSynthesizer.synthesize(new SiteSynthesizer.Request(site, "check", 2, 4, scanner, null));
      files.addAll(SiteSynthesizerTest.dicomFiles(site));
    }
    List<String> command = new ArrayList<>(List.of(python.get(), "-c", SCRIPT));
    files.forEach(f -> command.add(f.toString()));

    JsonNode result = new ObjectMapper().readTree(run(command));

    assertThat(result.get("files")).hasSameSizeAs(files);
    Part10Reader reader = new Part10Reader();
    for (JsonNode f : result.get("files")) {
      DicomImage ours = reader.readImage(Path.of(f.get("file").asText()));
      assertThat(f.get("ts").asText()).isEqualTo("1.2.840.10008.1.2.1");
      assertThat(f.get("sop_class").asText()).isEqualTo(SiteSynthesizer.CT_IMAGE_STORAGE);
      assertThat(f.get("modality").asText()).isEqualTo("CT");
      assertThat(f.get("rows").asInt()).isEqualTo(ours.pixels().rows());
      assertThat(f.get("columns").asInt()).isEqualTo(ours.pixels().columns());
      var stats = ours.pixels().statistics(ours.metadata().modalityLut());
      assertThat(f.get("min").asDouble()).isEqualTo(stats.min());
      assertThat(f.get("max").asDouble()).isEqualTo(stats.max());
      assertThat(f.get("mean").asDouble()).isCloseTo(stats.mean(), org.assertj.core.api.Assertions.within(1e-6));
      assertThat(f.get("patient_id").asText()).isEqualTo(ours.identity().patientId());
    }
  }

  private static Optional<String> pythonWithPydicom() {
    for (String candidate : List.of("python3", "/usr/bin/python3")) {
      try {
        Process p = new ProcessBuilder(candidate, "-c", "import pydicom, numpy").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return Optional.of(candidate);
        }
      } catch (IOException | InterruptedException e) {
        // Not installed under that name: try the next.
      }
    }
    return Optional.empty();
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("pydicom exit code").isZero();
    return out;
  }
}
