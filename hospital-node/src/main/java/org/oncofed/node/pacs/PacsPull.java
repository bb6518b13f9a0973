package org.oncofed.node.pacs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oncofed.common.files.AtomicFiles;
import org.oncofed.dicom.DicomFormatException;
import org.oncofed.dicom.DicomReader;
import org.oncofed.dicom.InstanceUids;

/**
 * Copies studies from the PACS into a node dataset folder, one file per instance at {@code
 * DEST/STUDY/SERIES/INSTANCE.dcm}. An instance already there is not fetched again, and each file
 * appears only once it is whole (written beside and moved into place), so an interrupted pull is
 * resumed by running it again. Every file is checked to be DICOM and to be the instance asked for
 * before it is kept.
 */
final class PacsPull {

  /** Reported after each instance. */
  @FunctionalInterface
  interface Progress {
    void instance(int done, int total, boolean fetched);
  }

  /** What a pull did. */
  record Result(int studies, int series, int fetched, int alreadyPresent) {}

  private final DicomWebClient pacs;
  private final DicomReader reader;

  PacsPull(DicomWebClient pacs, DicomReader reader) {
    this.pacs = pacs;
    this.reader = reader;
  }

  /** Pulls every instance of the given studies into {@code destination}. */
  Result pull(List<String> studyUids, Path destination, Progress progress) throws IOException, InterruptedException {
    record Instance(String study, String series, String sop) {}
    List<Instance> instances = new ArrayList<>();
    int seriesCount = 0;
    for (String study : studyUids) {
      for (DicomJson series : pacs.search("studies/" + study + "/series", Map.of())) {
        String seriesUid = series.uid(DicomJson.SERIES_INSTANCE_UID, "series");
        seriesCount++;
        for (DicomJson instance : pacs.search("studies/" + study + "/series/" + seriesUid + "/instances", Map.of())) {
          instances.add(new Instance(study, seriesUid, instance.uid(DicomJson.SOP_INSTANCE_UID, "instance")));
        }
      }
    }
    Files.createDirectories(destination);
    int fetched = 0;
    for (int i = 0; i < instances.size(); i++) {
      Instance instance = instances.get(i);
      Path file = destination.resolve(instance.study()).resolve(instance.series()).resolve(instance.sop() + ".dcm");
      boolean present = Files.isRegularFile(file);
      if (!present) {
        byte[] bytes = pacs.retrieve(instance.study(), instance.series(), instance.sop());
        requireInstance(bytes, instance.sop());
        Files.createDirectories(file.getParent());
        AtomicFiles.replace(file, temporary -> Files.write(temporary, bytes));
        fetched++;
      }
      progress.instance(i + 1, instances.size(), !present);
    }
    return new Result(studyUids.size(), seriesCount, fetched, instances.size() - fetched);
  }

  private void requireInstance(byte[] bytes, String sopInstanceUid) throws IOException {
    InstanceUids uids;
    try {
      uids = reader.readMetadata(bytes).metadata().uids();
    } catch (DicomFormatException e) {
      throw new IOException("the PACS sent instance " + sopInstanceUid + " as a file that is not readable DICOM: "
          + e.getMessage(), e);
    }
    if (!sopInstanceUid.equals(uids.sopInstanceUid())) {
      throw new IOException("the PACS sent instance " + uids.sopInstanceUid() + " when asked for " + sopInstanceUid);
    }
  }
}
