package org.oncofed.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The de-identification check finds every attribute of the basic profile that carries a value, and
 * every private attribute, exactly where an independent reader (pydicom) finds them: in the shared
 * samples and in the real CT crops, which carry patient IDs.
 */
class DeidentificationFindingsTest {

  /** Every attribute carrying a value, at every depth, as path and tag: the check's own notation. */
  private static final String SCRIPT = String.join("\n",
      "import json, sys",
      "import pydicom",
      "def walk(ds, prefix, out):",
      "    for elem in ds:",
      "        path = prefix + '%08X' % int(elem.tag)",
      "        if not elem.is_empty:",
      "            out.append([path, int(elem.tag)])",
      "        if elem.VR == 'SQ':",
      "            for i, item in enumerate(elem.value):",
      "                walk(item, path + '[%d]/' % i, out)",
      "result = {}",
      "for name in open(sys.argv[1]).read().splitlines():",
      "    try:",
      "        ds = pydicom.dcmread(name)",
      "    except Exception:",
      "        continue",
      "    out = []",
      "    walk(ds, '', out)",
      "    result[name] = out",
      "print(json.dumps(result))");

  @TempDir Path temp;

  private final Part10Reader reader = new Part10Reader();
  private final ConfidentialityProfile profile = ConfidentialityProfile.basic();

  @Test
  void theTableHoldsTheBasicProfileWithItsDirectIdentifiers() {
    assertThat(profile.size()).isEqualTo(459);
    assertThat(profile.attribute(Tag.PATIENT_NAME)).hasValueSatisfying(row -> {
      assertThat(row.action()).isEqualTo("Z");
      assertThat(row.direct()).isTrue();
    });
    assertThat(profile.attribute(Tag.SOP_INSTANCE_UID)).hasValueSatisfying(row -> {
      assertThat(row.action()).isEqualTo("U");
      assertThat(row.retainUids()).isEqualTo("K");
    });
    assertThat(profile.attribute(Tag.STUDY_DATE).orElseThrow().retainDates()).isEqualTo("K");
    assertThat(profile.attribute(0x60023000).orElseThrow().name()).isEqualTo("Overlay Data");
    assertThat(profile.attribute(Tag.MODALITY)).isEmpty();
  }

  @Test
  void findsWhatPydicomFindsInTheSharedSamples() throws Exception {
    List<Path> files;
    try (Stream<Path> listed = Files.list(SampleManifest.folder())) {
      files = listed.filter(f -> f.toString().endsWith(".dcm")).sorted().toList();
    }
    int compared = compareWithPydicom(files);
    // The rest are broken on purpose, and one reader or the other refuses them.
    assertThat(compared).isGreaterThanOrEqualTo(20);
  }

  @Test
  void findsWhatPydicomFindsInTheRealCt() throws Exception {
    Path realCt = Path.of(System.getProperty("user.dir")).getParent().resolve("../shared/real-ct").normalize();
    Assumptions.assumeTrue(Files.isDirectory(realCt), "the real CT is not at " + realCt + ": check skipped");
    List<Path> files;
    try (Stream<Path> walked = Files.walk(realCt)) {
      files = walked.filter(f -> f.toString().endsWith(".dcm")).sorted().toList();
    }
    int compared = compareWithPydicom(files);
    assertThat(compared).isEqualTo(files.size());
    DeidentificationFindings first = reader.readDeidentificationFindings(files.get(0));
    assertThat(first.identifyingAttributes()).extracting(DeidentificationFindings.Finding::name).contains("Patient ID");
    assertThat(first.firstDirectIdentifier()).isPresent();
    assertThat(first.isClean()).isFalse();
  }

  /** Compares the findings of every file both readers read; returns how many that was. */
  private int compareWithPydicom(List<Path> files) throws Exception {
    Optional<String> python = pythonWithPydicom();
    Assumptions.assumeTrue(python.isPresent(), "pydicom is not installed (apt-get install python3-pydicom): check skipped");
    Path list = Files.write(temp.resolve("files.txt"), files.stream().map(Path::toString).toList());
    JsonNode byFile = new ObjectMapper().readTree(run(List.of(python.get(), "-c", SCRIPT, list.toString())));
    int compared = 0;
    for (Path file : files) {
      JsonNode theirs = byFile.get(file.toString());
      DeidentificationFindings ours;
      try {
        ours = reader.readDeidentificationFindings(file);
      } catch (DicomFormatException e) {
        continue;
      }
      if (theirs == null) {
        continue;
      }
      Set<String> expectedProfile = new TreeSet<>();
      Set<String> expectedPrivate = new TreeSet<>();
      for (JsonNode element : theirs) {
        int tag = element.get(1).asInt();
        String path = element.get(0).asText();
        if ((Tag.group(tag) & 1) == 1) {
          expectedPrivate.add(path);
        } else if (profile.attribute(tag).isPresent()) {
          expectedProfile.add(path);
        }
      }
      assertThat(paths(ours.profileAttributes())).as("profile attributes of %s", file.getFileName()).isEqualTo(expectedProfile);
      assertThat(paths(ours.privateAttributes())).as("private attributes of %s", file.getFileName()).isEqualTo(expectedPrivate);
      compared++;
    }
    return compared;
  }

  private static Set<String> paths(List<DeidentificationFindings.Finding> findings) {
    Set<String> paths = new TreeSet<>();
    findings.forEach(f -> paths.add(f.path()));
    return paths;
  }

  private static Optional<String> pythonWithPydicom() {
    for (String candidate : List.of("python3", "/usr/bin/python3")) {
      try {
        Process p = new ProcessBuilder(candidate, "-c", "import pydicom").redirectErrorStream(true).start();
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
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("pydicom exit code").isZero();
    return out;
  }
}
