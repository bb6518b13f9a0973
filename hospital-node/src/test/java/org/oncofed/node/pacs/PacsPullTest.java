package org.oncofed.node.pacs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.dicom.DicomImage;
import org.oncofed.dicom.Part10Reader;
import org.oncofed.dicom.SampleManifest;
import org.oncofed.node.NodeCommand;
import picocli.CommandLine;

/**
 * {@code node pacs query|pull} against a real PACS (Orthanc with DICOMweb) holding CT files written
 * by other software: studies are found, copied whole and decodable, a second pull fetches only what
 * is missing, wrong credentials are named, and the PACS keeps everything it had.
 */
class PacsPullTest {

  private static final List<String> SAMPLES = List.of("CT_small.dcm", "CT-JPEGLosslessSV1.dcm", "CT1_J2KI.dcm");

  @TempDir static Path work;
  private static OrthancServer pacs;
  private static Path config;

  @BeforeAll
  static void startPacs() throws Exception {
    pacs = OrthancServer.start(Files.createDirectories(work.resolve("orthanc")));
    for (String sample : SAMPLES) {
      pacs.store(SampleManifest.folder().resolve(sample));
    }
    config = nodeConfig(OrthancServer.PASSWORD);
  }

  @AfterAll
  static void stopPacs() throws Exception {
    if (pacs != null) {
      pacs.close();
    }
  }

  @Test
  void queryListsTheCtStudiesWithoutPatientDataUnlessAsked() {
    Run plain = node("pacs", "query", "--config", config.toString(), "--json");
    Run withPhi = node("pacs", "query", "--config", config.toString(), "--json", "--show-phi");

    assertThat(plain.exit()).as(plain.err()).isZero();
    assertThat(plain.out()).contains("studyInstanceUid").doesNotContain("patientId").doesNotContain("patientName");
    assertThat(withPhi.out()).contains("patientId");
    assertThat(countOf(plain.out(), "studyInstanceUid")).isEqualTo(studyUids().size());
  }

  @Test
  void pullCopiesEveryInstanceDecodableAndResumesWhereItStopped() throws Exception {
    Path dest = work.resolve("pulled");
    List<String> args = new ArrayList<>(List.of("pacs", "pull", "--config", config.toString(), "--dest", dest.toString()));
    studyUids().forEach(uid -> args.addAll(List.of("--study", uid)));

    Run first = node(args.toArray(String[]::new));
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains(SAMPLES.size() + " instances fetched, 0 already present");
    assertThat(first.err()).contains("pulled " + SAMPLES.size() + "/" + SAMPLES.size() + " instances");
    List<Path> pulled = dicomFiles(dest);
    assertThat(pulled).hasSize(SAMPLES.size());
    Part10Reader reader = new Part10Reader();
    for (String sample : SAMPLES) {
      DicomImage original = reader.readImage(SampleManifest.folder().resolve(sample));
      Path copy = dest.resolve(original.metadata().uids().studyInstanceUid())
          .resolve(original.metadata().uids().seriesInstanceUid())
          .resolve(original.metadata().uids().sopInstanceUid() + ".dcm");
      assertThat(reader.readImage(copy).modalityFrame(0)).as(sample).containsExactly(original.modalityFrame(0));
    }

    Files.delete(pulled.get(0));
    Run again = node(args.toArray(String[]::new));
    assertThat(again.out()).contains("1 instances fetched, " + (SAMPLES.size() - 1) + " already present");
    assertThat(pacs.instanceCount()).as("nothing removed from the PACS").isEqualTo(SAMPLES.size());
  }

  @Test
  void refusalsSayWhatIsWrong() throws Exception {
    Run wrongPassword = node("pacs", "query", "--config", nodeConfig("not-the-password").toString());
    Run unnarrowed = node("pacs", "pull", "--config", config.toString(), "--dest", work.resolve("all").toString());
    Run noUrl = node("pacs", "query");

    assertThat(wrongPassword.exit()).isEqualTo(1);
    assertThat(wrongPassword.err()).contains("the PACS refused the credentials (HTTP 401)");
    assertThat(unnarrowed.exit()).isEqualTo(1);
    assertThat(unnarrowed.err()).contains("name the studies to pull with --study");
    assertThat(noUrl.err()).contains("no PACS URL: set oncofed.node.pacs.url");
  }

  private List<String> studyUids() {
    Part10Reader reader = new Part10Reader();
    return SAMPLES.stream().map(sample -> {
      try {
        return reader.readMetadata(SampleManifest.folder().resolve(sample)).metadata().uids().studyInstanceUid();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).distinct().toList();
  }

  private static Path nodeConfig(String password) throws Exception {
    Path passwordFile = Files.writeString(work.resolve("password-" + password.hashCode()), password + "\n");
    return Files.writeString(work.resolve("node-" + password.hashCode() + ".yml"), String.join("\n",
        "oncofed:",
        "  node:",
        "    pacs:",
        "      url: " + pacs.dicomWeb(),
        "      username: " + OrthancServer.USER,
        "      password-file: " + passwordFile,
        ""));
  }

  private record Run(int exit, String out, String err) {}

  private static Run node(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new NodeCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int exit = command.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static int countOf(String text, String word) {
    return text.split(word, -1).length - 1;
  }

  private static List<Path> dicomFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(file -> file.toString().endsWith(".dcm")).sorted().toList();
    }
  }
}
