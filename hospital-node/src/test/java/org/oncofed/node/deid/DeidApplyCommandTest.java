package org.oncofed.node.deid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.common.hash.Sha256;
import org.oncofed.dicom.DicomImage;
import org.oncofed.dicom.Part10Reader;
import org.oncofed.dicom.SampleManifest;
import org.oncofed.dicom.SampleManifestTest;
import picocli.CommandLine;

/**
 * A de-identified copy: written beside the untouched source, clean by OncoFed's own check, readable
 * by OncoFed's reader with the same pixels, and parsed by two independent readers (dcmdump, pydicom)
 * that find no patient name, ID, private attribute or date left in it.
 */
class DeidApplyCommandTest {

  private static final String PYDICOM_SCRIPT = String.join("\n",
      "import json, sys",
      "import pydicom",
      "def walk(ds, found):",
      "    for elem in ds:",
      "        if elem.tag.is_private:",
      "            found['private'] += 1",
      "        if elem.VR in ('DA', 'DT', 'TM') and not elem.is_empty:",
      "            found['dates'] += 1",
      "        if elem.VR == 'SQ':",
      "            for item in elem.value:",
      "                walk(item, found)",
      "out = {}",
      "for name in sys.argv[1:]:",
      "    ds = pydicom.dcmread(name)",
      "    found = {'private': 0, 'dates': 0}",
      "    walk(ds, found)",
      "    found['name'] = str(ds.get('PatientName', ''))",
      "    found['id'] = str(ds.get('PatientID', ''))",
      "    found['removed'] = str(ds.get('PatientIdentityRemoved', ''))",
      "    found['study'] = str(ds.get('StudyInstanceUID', ''))",
      "    out[name] = found",
      "print(json.dumps(out))");

  @TempDir Path temp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Part10Reader reader = new Part10Reader();

  @Test
  void theCopyIsCleanReadableByEveryReaderAndTheSourceIsUntouched() throws Exception {
    Path source = sources();
    Map<Path, String> before = hashes(source);
    Path target = temp.resolve("copy");

    int exit = run("apply", source.toString(), target.toString(), "--uid-key", temp.resolve("uid-key").toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(hashes(source)).isEqualTo(before);
    List<Path> copies = dicomFiles(target);
    assertThat(copies).hasSameSizeAs(before.keySet());
    assertThat(err.toString()).contains("de-identified " + copies.size() + "/" + copies.size() + " files");

    out.getBuffer().setLength(0);
    assertThat(run("check", target.toString())).as(out.toString()).isZero();
    assertThat(out.toString()).contains(copies.size() + " file(s) read, " + copies.size() + " clean");

    for (Path copy : copies) {
      Path original = source.resolve(target.relativize(copy).toString());
      DicomImage theirs = reader.readImage(original);
      DicomImage ours = reader.readImage(copy);
      assertThat(ours.pixels().statistics(ours.metadata().modalityLut()))
          .as(copy.getFileName().toString()).isEqualTo(theirs.pixels().statistics(theirs.metadata().modalityLut()));
      assertThat(ours.metadata().uids().studyInstanceUid()).isNotEqualTo(theirs.metadata().uids().studyInstanceUid());
    }
    assertDcmdumpParsesWithoutIdentity(copies);
    assertPydicomFindsNothingIdentifying(copies);
  }

  @Test
  void replacesUidsConsistentlyAcrossFilesAndRunsUnderTheSameKey() throws Exception {
    Path source = temp.resolve("series");
    Files.createDirectories(source);
    Path sample = SampleManifest.folder().resolve("CT_small.dcm");
    Files.copy(sample, source.resolve("a.dcm"));
    Files.copy(sample, source.resolve("b.dcm"));
    Path key = temp.resolve("uid-key");

    assertThat(run("apply", source.toString(), temp.resolve("one").toString(), "--uid-key", key.toString())).isZero();
    assertThat(run("apply", source.toString(), temp.resolve("two").toString(), "--uid-key", key.toString())).isZero();

    String original = reader.readMetadata(sample).metadata().uids().studyInstanceUid();
    String first = study(temp.resolve("one/a.dcm"));
    assertThat(first).startsWith("2.25.").isNotEqualTo(original);
    assertThat(study(temp.resolve("one/b.dcm"))).isEqualTo(first);
    assertThat(study(temp.resolve("two/a.dcm"))).isEqualTo(first);
  }

  @Test
  void refusesATargetInsideTheSourceOrHoldingFiles() throws Exception {
    Path source = sources();
    Path full = Files.createDirectories(temp.resolve("full"));
    Files.writeString(full.resolve("notes.txt"), "x");
    Path key = temp.resolve("uid-key");

    assertThat(run("apply", source.toString(), source.resolve("copy").toString(), "--uid-key", key.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("lies inside SRC");
    assertThat(run("apply", source.toString(), full.toString(), "--uid-key", key.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("already holds files");
    assertThat(run("apply", source.toString(), temp.resolve("new").toString(), "--uid-key",
        temp.resolve("new/key").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("would be inside DST");
    assertThat(Files.exists(source.resolve("copy"))).isFalse();
  }

  /** The shared samples a reader decodes, in little endian syntaxes, plus real CT crops when present. */
  private Path sources() throws IOException {
    Path source = Files.createDirectories(temp.resolve("source"));
    for (SampleManifest.Row row : SampleManifest.rows()) {
      if (row.get("expect").equals("decode") && !SampleManifestTest.KNOWN_CODEC_GAPS.contains(row.file())
          && !row.get("transfer_syntax").contains("Big Endian")
          && !row.get("transfer_syntax").contains("Deflate")) {
        Files.copy(row.path(), source.resolve(row.file()));
      }
    }
    Path realCt = Path.of(System.getProperty("user.dir")).getParent().resolve("../shared/real-ct/lidc-nodule-crops").normalize();
    if (Files.isDirectory(realCt)) {
      List<Path> crops;
      try (Stream<Path> walked = Files.walk(realCt)) {
        crops = walked.filter(f -> f.toString().endsWith(".dcm")).sorted().limit(20).toList();
      }
      Path copies = Files.createDirectories(source.resolve("real-ct"));
      for (Path crop : crops) {
        Files.copy(crop, copies.resolve(crop.getParent().getFileName() + "-" + crop.getFileName()));
      }
    }
    return source;
  }

  private void assertDcmdumpParsesWithoutIdentity(List<Path> copies) throws Exception {
    Assumptions.assumeTrue(canRun("dcmdump", "--version"), "dcmdump is not installed (apt-get install dcmtk): check skipped");
    for (Path copy : copies) {
      List<String> dump = run(List.of("dcmdump", "-E", copy.toString())).lines().toList();
      assertThat(dump).as(copy.getFileName().toString()).anyMatch(line -> line.startsWith("(0012,0062) CS [YES]"));
      for (String identifier : List.of("(0010,0010)", "(0010,0020)", "(0010,0030)", "(0008,0050)")) {
        assertThat(dump).filteredOn(line -> line.startsWith(identifier)).as(copy.getFileName() + " " + identifier)
            .allMatch(line -> line.contains("(no value available)"));
      }
    }
  }

  private void assertPydicomFindsNothingIdentifying(List<Path> copies) throws Exception {
    Optional<String> python = python();
    Assumptions.assumeTrue(python.isPresent(), "pydicom is not installed (apt-get install python3-pydicom): check skipped");
    List<String> command = new ArrayList<>(List.of(python.get(), "-c", PYDICOM_SCRIPT));
    copies.forEach(copy -> command.add(copy.toString()));
    JsonNode result = new ObjectMapper().readTree(run(command));
    for (Path copy : copies) {
      JsonNode found = result.get(copy.toString());
      assertThat(found.get("private").asInt()).as(copy.getFileName() + " private").isZero();
      assertThat(found.get("dates").asInt()).as(copy.getFileName() + " dates").isZero();
      assertThat(found.get("name").asText()).as(copy.getFileName() + " name").isEmpty();
      assertThat(found.get("id").asText()).as(copy.getFileName() + " id").isEmpty();
      assertThat(found.get("removed").asText()).isEqualTo("YES");
      assertThat(found.get("study").asText()).startsWith("2.25.");
    }
  }

  private String study(Path file) throws Exception {
    return reader.readMetadata(file).metadata().uids().studyInstanceUid();
  }

  private static Map<Path, String> hashes(Path root) throws IOException {
    Map<Path, String> hashes = new LinkedHashMap<>();
    for (Path file : dicomFiles(root)) {
      hashes.put(root.relativize(file), Sha256.hex(file));
    }
    return hashes;
  }

  private static List<Path> dicomFiles(Path root) throws IOException {
    try (Stream<Path> walked = Files.walk(root)) {
      return walked.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static Optional<String> python() {
    for (String candidate : List.of("python3", "/usr/bin/python3")) {
      if (canRun(candidate, "-c", "import pydicom")) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static boolean canRun(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command.subList(0, 1)) + " exit code").isZero();
    return output;
  }

  private int run(String... args) {
    CommandLine command = new CommandLine(new DeidCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return command.execute(args);
  }
}
