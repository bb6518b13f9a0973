package org.oncofed.node.pacs;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.oncofed.dicom.Part10Reader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code node pacs query|pull}: find studies in the hospital PACS and copy them into a dataset folder. */
@Command(
    name = "pacs",
    mixinStandardHelpOptions = true,
    description = "Query the hospital PACS over DICOMweb and pull studies into a dataset folder (read-only).",
    subcommands = {PacsCommand.Query.class, PacsCommand.Pull.class})
public final class PacsCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The PACS connection, from the node configuration or the command line. */
  static final class ConnectionOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Node configuration with oncofed.node.pacs.")
    Path config;

    @Option(names = "--url", paramLabel = "URL", description = "DICOMweb base URL (overrides the configuration).")
    String url;

    DicomWebClient client() throws IOException {
      return new DicomWebClient(PacsConnection.fromConfig(config, Optional.ofNullable(url)));
    }
  }

  /** QIDO-RS matching keys for studies; patient keys match on site only and are never printed unless asked. */
  static final class StudyFilter {
    @Option(names = "--patient-id", paramLabel = "ID", description = "Patient ID to match.")
    String patientId;

    @Option(names = "--study-date", paramLabel = "DATE", description = "Study date or range, YYYYMMDD or YYYYMMDD-YYYYMMDD.")
    String studyDate;

    @Option(names = "--accession", paramLabel = "NUMBER", description = "Accession number to match.")
    String accession;

    @Option(names = "--modality", paramLabel = "MODALITY", defaultValue = "CT",
        description = "Modality in the study (default: ${DEFAULT-VALUE}).")
    String modality;

    Map<String, String> keys() {
      Map<String, String> keys = new LinkedHashMap<>();
      if (patientId != null) {
        keys.put("PatientID", patientId);
      }
      if (studyDate != null) {
        if (!studyDate.matches("\\d{8}(-\\d{8})?")) {
          throw new IllegalArgumentException("--study-date must be YYYYMMDD or YYYYMMDD-YYYYMMDD, found '" + studyDate + "'");
        }
        keys.put("StudyDate", studyDate);
      }
      if (accession != null) {
        keys.put("AccessionNumber", accession);
      }
      keys.put("ModalitiesInStudy", modality);
      keys.put("includefield", "00081030,00201208");
      return keys;
    }

    boolean narrowed() {
      return patientId != null || studyDate != null || accession != null;
    }
  }

  @Command(name = "query", mixinStandardHelpOptions = true, description = "List the studies that match.")
  static final class Query implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private ConnectionOptions connection;
    @Mixin private StudyFilter filter;

    @Option(names = "--json", description = "Print the matches as JSON.")
    private boolean json;

    @Option(names = "--show-phi", description = "Also print patient name and ID (they stay on this screen).")
    private boolean showPhi;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DicomJson study : connection.client().search("studies", filter.keys())) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("studyInstanceUid", study.uid(DicomJson.STUDY_INSTANCE_UID, "study"));
          row.put("studyDate", study.first(DicomJson.STUDY_DATE).orElse(""));
          row.put("modalities", study.values(DicomJson.MODALITIES_IN_STUDY));
          row.put("description", study.first(DicomJson.STUDY_DESCRIPTION).orElse(""));
          row.put("instances", study.first(DicomJson.NUMBER_OF_STUDY_RELATED_INSTANCES).orElse(""));
          if (showPhi) {
            row.put("patientId", study.first(DicomJson.PATIENT_ID).orElse(""));
            row.put("patientName", study.first(DicomJson.PATIENT_NAME).orElse(""));
          }
          rows.add(row);
        }
        if (json) {
          out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(rows));
        } else {
          rows.forEach(row -> out.println(String.join("  ", row.values().stream().map(String::valueOf).toList())));
          out.printf("%d studies%n", rows.size());
        }
        return 0;
      } catch (IOException | IllegalArgumentException e) {
        spec.commandLine().getErr().println("pacs query: " + e.getMessage());
        return 1;
      }
    }
  }

  @Command(name = "pull", mixinStandardHelpOptions = true, description = {
      "Copy studies into a dataset folder (resumable: instances already there are skipped).",
      "Then register the folder with 'node dataset register'."})
  static final class Pull implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private ConnectionOptions connection;

    @ArgGroup(exclusive = false)
    private StudyFilter filter = new StudyFilter();

    @Option(names = "--study", paramLabel = "UID", description = "A study to pull (repeatable).")
    private List<String> studies = new ArrayList<>();

    @Option(names = "--dest", required = true, paramLabel = "DIR", description = "Dataset folder to write into.")
    private Path destination;

    @Override
    public Integer call() throws Exception {
      PrintWriter err = spec.commandLine().getErr();
      try {
        if (studies.isEmpty() && !filter.narrowed()) {
          throw new IllegalArgumentException(
              "name the studies to pull with --study, or narrow the search with --patient-id, --study-date or --accession");
        }
        DicomWebClient client = connection.client();
        List<String> uids = new ArrayList<>(studies);
        for (String uid : uids) {
          if (!uid.matches("[0-9]+(\\.[0-9]+)*")) {
            throw new IllegalArgumentException("--study '" + uid + "' is not a DICOM UID");
          }
        }
        if (filter.narrowed()) {
          for (DicomJson study : client.search("studies", filter.keys())) {
            uids.add(study.uid(DicomJson.STUDY_INSTANCE_UID, "study"));
          }
        }
        PacsPull.Result result = new PacsPull(client, new Part10Reader()).pull(uids, destination,
            (done, total, fetched) -> {
              if (done == total || done % Math.max(1, total / 10) == 0) {
                err.printf("pulled %d/%d instances%n", done, total);
                err.flush();
              }
            });
        spec.commandLine().getOut().printf("%d studies, %d series: %d instances fetched, %d already present, in %s%n",
            result.studies(), result.series(), result.fetched(), result.alreadyPresent(), destination);
        return 0;
      } catch (IOException | IllegalArgumentException e) {
        err.println("pacs pull: " + e.getMessage());
        return 1;
      }
    }
  }
}
