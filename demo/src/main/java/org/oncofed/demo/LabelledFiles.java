package org.oncofed.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.oncofed.common.TumourClass;
import org.oncofed.dicom.DicomFile;
import org.oncofed.dicom.DicomFormatException;
import org.oncofed.dicom.DicomReader;
import org.oncofed.node.dataset.LabelSource;

/**
 * The labelled DICOM files of a dataset folder with their patient, read once on this machine to
 * divide the folder into sites. Labels come from the node's own label sources, so a file is
 * labelled here exactly as the node labels it. Patient IDs stay in this process.
 */
final class LabelledFiles {

  /**
   * @param path relative to the dataset root, with {@code /}
   * @param patientId the file's Patient ID
   */
  record LabelledFile(String path, String patientId, TumourClass label) {}

  /** Files skipped: unreadable as DICOM, without a label, or without a Patient ID. */
  record Skipped(int unreadable, int unlabelled, int withoutPatientId) {}

  private final List<LabelledFile> files;
  private final Skipped skipped;

  private LabelledFiles(List<LabelledFile> files, Skipped skipped) {
    this.files = files;
    this.skipped = skipped;
  }

  static LabelledFiles scan(Path root, LabelSource labels, DicomReader reader) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException("dataset folder " + root + " does not exist");
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.filter(Files::isRegularFile).sorted().toList();
    }
    List<LabelledFile> files = new ArrayList<>();
    int unreadable = 0;
    int unlabelled = 0;
    int withoutPatient = 0;
    for (Path path : paths) {
      String relative = root.relativize(path).toString().replace('\\', '/');
      DicomFile file;
      try {
        file = reader.readMetadata(path);
      } catch (DicomFormatException e) {
        unreadable++;
        continue;
      }
      Optional<TumourClass> label = labels.labelFor(relative, file.metadata());
      String patientId = file.identity().patientId();
      if (label.isEmpty()) {
        unlabelled++;
      } else if (patientId == null || patientId.isBlank()) {
        withoutPatient++;
      } else {
        files.add(new LabelledFile(relative, patientId.strip(), label.get()));
      }
    }
    if (files.isEmpty()) {
      throw new IOException("dataset folder " + root + " holds no labelled DICOM file with a Patient ID ("
          + paths.size() + " files: " + unreadable + " not readable as DICOM, " + unlabelled + " without a label from "
          + labels.description() + ", " + withoutPatient + " without a Patient ID)");
    }
    return new LabelledFiles(List.copyOf(files), new Skipped(unreadable, unlabelled, withoutPatient));
  }

  List<LabelledFile> files() {
    return files;
  }

  Skipped skipped() {
    return skipped;
  }
}
