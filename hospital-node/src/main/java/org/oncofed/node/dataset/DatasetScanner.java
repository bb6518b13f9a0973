package org.oncofed.node.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.oncofed.common.TumourClass;
import org.oncofed.common.hash.Sha256;
import org.oncofed.dicom.CtSuitability;
import org.oncofed.dicom.DeidentificationFindings;
import org.oncofed.dicom.DicomFormatException;
import org.oncofed.dicom.DicomImage;
import org.oncofed.dicom.DicomMetadata;
import org.oncofed.dicom.DicomReader;

/**
 * Scans a dataset folder: every file is read and decoded once, refused with a reason when it
 * cannot serve as a labelled CT slice, and otherwise indexed by hashed UIDs and a keyed patient
 * hash. One bad file never stops the scan.
 */
public final class DatasetScanner {

  public record Result(List<IndexedInstance> instances, ScanReport report) {}

  private final DicomReader reader;
  private final PatientKeys patientKeys;
  private final boolean requireDeidentified;

  /**
   * @param requireDeidentified refuse files that still carry a direct identifier (site policy
   *     {@code require-deidentified})
   */
  public DatasetScanner(DicomReader reader, PatientKeys patientKeys, boolean requireDeidentified) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.patientKeys = Objects.requireNonNull(patientKeys, "patientKeys");
    this.requireDeidentified = requireDeidentified;
  }

  /**
   * @param skip a file under the root that is not data (the labels manifest), or null
   */
  public Result scan(DatasetRoot root, LabelSource labels, Path skip, ProgressListener progress) throws IOException {
    List<DatasetRoot.Entry> entries = root.list();
    Path skipReal = skip == null || !Files.exists(skip) ? null : skip.toRealPath();
    List<IndexedInstance> instances = new ArrayList<>();
    List<ScanReport.Rejection> rejected = new ArrayList<>();
    List<ScanReport.Duplicate> duplicates = new ArrayList<>();
    Map<String, String> pathBySop = new HashMap<>();
    int seen = 0;
    for (int i = 0; i < entries.size(); i++) {
      DatasetRoot.Entry entry = entries.get(i);
      progress.progress(i + 1, entries.size());
      if (entry.file() != null && entry.file().equals(skipReal)) {
        continue;
      }
      seen++;
      if (entry.refusal() != null) {
        rejected.add(new ScanReport.Rejection(entry.relativePath(), entry.refusal()));
        continue;
      }
      Outcome outcome = examine(entry, labels);
      if (outcome.refusal() != null) {
        rejected.add(new ScanReport.Rejection(entry.relativePath(), outcome.refusal()));
        continue;
      }
      IndexedInstance instance = outcome.instance();
      String first = pathBySop.putIfAbsent(instance.sopInstanceHash(), instance.path());
      if (first != null) {
        duplicates.add(new ScanReport.Duplicate(instance.path(), first));
        continue;
      }
      instances.add(instance);
    }
    String fingerprint = DatasetFingerprint.of(instances);
    ScanReport report = report(root, labels, seen, instances, rejected, duplicates, fingerprint);
    return new Result(List.copyOf(instances), report);
  }

  private record Outcome(IndexedInstance instance, String refusal) {}

  private Outcome examine(DatasetRoot.Entry entry, LabelSource labels) {
    DicomImage image;
    try {
      if (requireDeidentified) {
        Optional<DeidentificationFindings.Finding> identifier =
            reader.readDeidentificationFindings(entry.file()).firstDirectIdentifier();
        if (identifier.isPresent()) {
          return new Outcome(null, "carries a direct identifier, " + identifier.get().name() + " at "
              + identifier.get().path() + " (site policy require-deidentified; see node deid check)");
        }
      }
      image = reader.readImage(entry.file());
    } catch (DicomFormatException e) {
      return new Outcome(null, e.getMessage());
    }
    DicomMetadata m = image.metadata();
    Optional<String> refusal = CtSuitability.refusal(m);
    if (refusal.isPresent()) {
      return new Outcome(null, refusal.get());
    }
    String sop = m.uids().sopInstanceUid();
    if (sop == null) {
      return new Outcome(null, "no SOP Instance UID");
    }
    Optional<TumourClass> label = labels.labelFor(entry.relativePath(), m);
    if (label.isEmpty()) {
      return new Outcome(null, "no label (" + labels.description() + ")");
    }
    String content;
    long bytes;
    try {
      content = Sha256.hex(entry.file());
      bytes = Files.size(entry.file());
    } catch (IOException e) {
      return new Outcome(null, "cannot be read: " + e.getClass().getSimpleName());
    }
    String series = m.uids().seriesInstanceUid();
    return new Outcome(new IndexedInstance(
        entry.relativePath(),
        Sha256.hex(sop),
        series == null ? Sha256.hex("no-series:" + sop) : Sha256.hex(series),
        patientKeys.keyFor(patientIdentifier(image)),
        label.get().label(),
        image.pixels().frames(),
        image.pixels().rows(),
        image.pixels().columns(),
        content,
        bytes), null);
  }

  /** Patient ID when present; otherwise the study, then the series, stands in for the patient. */
  private static String patientIdentifier(DicomImage image) {
    String id = image.identity().patientId();
    if (id != null && !id.isBlank()) {
      return "patient:" + id;
    }
    String study = image.metadata().uids().studyInstanceUid();
    if (study != null) {
      return "study:" + study;
    }
    return "series:" + image.metadata().uids().seriesInstanceUid();
  }

  private static ScanReport report(DatasetRoot root, LabelSource labels, int seen,
      List<IndexedInstance> instances, List<ScanReport.Rejection> rejected,
      List<ScanReport.Duplicate> duplicates, String fingerprint) {
    Map<String, ScanReport.ClassCount> classes = new TreeMap<>();
    for (TumourClass c : TumourClass.values()) {
      List<IndexedInstance> of = instances.stream().filter(i -> i.label().equals(c.label())).toList();
      classes.put(c.label(), new ScanReport.ClassCount(
          of.size(),
          of.stream().mapToLong(IndexedInstance::frames).sum(),
          (int) of.stream().map(IndexedInstance::patientKey).distinct().count()));
    }
    Set<String> patients = new HashSet<>();
    Set<String> series = new HashSet<>();
    instances.forEach(i -> {
      patients.add(i.patientKey());
      series.add(i.seriesHash());
    });
    return new ScanReport(
        root.path().toString(),
        labels.description(),
        seen,
        instances.size(),
        instances.stream().mapToLong(IndexedInstance::frames).sum(),
        patients.size(),
        series.size(),
        classes,
        rejected,
        duplicates,
        fingerprint);
  }
}
