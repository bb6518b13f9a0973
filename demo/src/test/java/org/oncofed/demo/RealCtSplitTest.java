package org.oncofed.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oncofed.common.files.Csv;
import org.oncofed.dicom.Part10Reader;
import org.oncofed.node.dataset.FolderLabels;

/**
 * The lab's division of the real LIDC-IDRI nodule crops by scanner manufacturer, checked against
 * the data's own tables (its README's counts and {@code patients.csv}); nothing is trained. Skips
 * when the shared real data is not next to the checkout.
 */
class RealCtSplitTest {

  @Test
  void manufacturerSitesKeepEveryPatientInOneSite() throws IOException {
    Path realCt = OncofedHome.locate().dir().resolve("../shared/real-ct").normalize();
    assumeTrue(Files.isDirectory(realCt.resolve("lidc-nodule-crops")),
        "real CT data not found at " + realCt + "; the split test needs ../shared/real-ct");
    Path patientsCsv = realCt.resolve("patients.csv");

    LabelledFiles files = LabelledFiles.scan(realCt.resolve("lidc-nodule-crops"), new FolderLabels(), new Part10Reader());
    SitePlan plan = SitePlan.divide(files.files(), SiteColumn.read(patientsCsv, "patient_id", "manufacturer"), 20,
        SitePlan.SmallSites.REFUSE);

    assertThat(files.files()).hasSize(1488);
    assertThat(plan.siteIds()).containsExactly("ge-medical-systems", "philips", "siemens", "toshiba");
    Map<String, long[]> filesPerClass = new HashMap<>();
    plan.sites().forEach(site -> filesPerClass.put(site.id(), site.filesPerClass()));
    // normal, benign, malignant crops per manufacturer, as the data's README counts them
    assertThat(filesPerClass.get("ge-medical-systems")).containsExactly(0, 539, 395);
    assertThat(filesPerClass.get("siemens")).containsExactly(0, 221, 100);
    assertThat(filesPerClass.get("philips")).containsExactly(0, 73, 60);
    assertThat(filesPerClass.get("toshiba")).containsExactly(0, 64, 36);
    assertThat(plan.unassignedPatients()).isZero();

    Map<String, Integer> expectedPatients = patientsWithAClassByManufacturer(patientsCsv);
    Set<String> seen = new HashSet<>();
    for (SitePlan.Site site : plan.sites()) {
      assertThat(site.patients()).as(site.id()).isEqualTo(expectedPatients.get(site.values().get(0)));
      site.files().forEach(f -> seen.add(f.patientId()));
      Set<String> patients = new HashSet<>();
      site.files().forEach(f -> patients.add(f.patientId()));
      for (SitePlan.Site other : plan.sites()) {
        if (other != site) {
          assertThat(other.files()).as("files of %s's patients at %s", site.id(), other.id())
              .noneMatch(f -> patients.contains(f.patientId()));
        }
      }
    }
    assertThat(seen).hasSize(686);
    assertThat(plan.pooled().files()).hasSize(1488);
    assertThat(plan.pooled().patients()).isEqualTo(686);
  }

  /** Patients with a benign or malignant crop, by manufacturer, from {@code patients.csv}'s own counts. */
  private static Map<String, Integer> patientsWithAClassByManufacturer(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = Csv.fields(lines.get(0));
    Map<String, Integer> counts = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = Csv.fields(line);
      int crops = Integer.parseInt(cells.get(header.indexOf("benign"))) + Integer.parseInt(cells.get(header.indexOf("malignant")));
      if (crops > 0) {
        counts.merge(cells.get(header.indexOf("manufacturer")), 1, Integer::sum);
      }
    }
    return counts;
  }
}
