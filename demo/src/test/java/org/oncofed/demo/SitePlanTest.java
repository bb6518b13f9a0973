package org.oncofed.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.common.TumourClass;
import org.oncofed.demo.LabelledFiles.LabelledFile;

/** Dividing a dataset into sites by a column: names, small groups, and the errors that name what is wrong. */
class SitePlanTest {

  @TempDir
  Path dir;

  @Test
  void everyPatientLandsInTheSiteOfItsValueWithAllItsFiles() throws IOException {
    SiteColumn column = column("patient_id,scanner\nP1,GE Medical\nP2,GE Medical\nP3,Siemens AG\nP4,Siemens AG\n");
    List<LabelledFile> files = List.of(file("a/1.dcm", "P1", TumourClass.BENIGN), file("a/2.dcm", "P1",
        TumourClass.MALIGNANT), file("b/1.dcm", "P2", TumourClass.BENIGN), file("c/1.dcm", "P3", TumourClass.BENIGN),
        file("d/1.dcm", "P4", TumourClass.MALIGNANT), file("e/1.dcm", "P5", TumourClass.MALIGNANT));

    SitePlan plan = SitePlan.divide(files, column, 2, SitePlan.SmallSites.REFUSE);

    assertThat(plan.siteIds()).containsExactly("ge-medical", "siemens-ag");
    assertThat(plan.sites().get(0).files()).extracting(LabelledFile::path).containsExactly("a/1.dcm", "a/2.dcm",
        "b/1.dcm");
    assertThat(plan.sites().get(0).patients()).isEqualTo(2);
    assertThat(plan.sites().get(1).filesPerClass()).containsExactly(0, 1, 1);
    assertThat(plan.unassignedPatients()).isEqualTo(1);
    assertThat(plan.pooled().files()).hasSize(5);
  }

  @Test
  void smallGroupsMergeIntoOther() throws IOException {
    SiteColumn column = column("patient_id,scanner\nP1,ge\nP2,ge\nP3,toshiba\nP4,philips\n");
    List<LabelledFile> files = List.of(file("1", "P1", TumourClass.BENIGN), file("2", "P2", TumourClass.MALIGNANT),
        file("3", "P3", TumourClass.BENIGN), file("4", "P4", TumourClass.MALIGNANT));

    SitePlan plan = SitePlan.divide(files, column, 2, SitePlan.SmallSites.MERGE);

    assertThat(plan.siteIds()).containsExactly("ge", SitePlan.OTHER);
    assertThat(plan.sites().get(1).values()).containsExactly("philips", "toshiba");
  }

  @Test
  void smallGroupsAreRefusedWhenAsked() throws IOException {
    SiteColumn column = column("patient_id,scanner\nP1,ge\nP2,ge\nP3,toshiba\n");
    List<LabelledFile> files = List.of(file("1", "P1", TumourClass.BENIGN), file("2", "P2", TumourClass.MALIGNANT),
        file("3", "P3", TumourClass.BENIGN));

    assertThatThrownBy(() -> SitePlan.divide(files, column, 2, SitePlan.SmallSites.REFUSE))
        .hasMessageContaining("'toshiba' of column 'scanner' of sites.csv has 1 patients, fewer than the minimum of 2");
  }

  @Test
  void aSiteWithASingleClassIsNamed() throws IOException {
    SiteColumn column = column("patient_id,scanner\nP1,ge\nP2,ge\nP3,siemens\nP4,siemens\n");
    List<LabelledFile> files = new ArrayList<>(List.of(file("1", "P1", TumourClass.BENIGN),
        file("2", "P2", TumourClass.MALIGNANT), file("3", "P3", TumourClass.BENIGN), file("4", "P4", TumourClass.BENIGN)));

    assertThatThrownBy(() -> SitePlan.divide(files, column, 1, SitePlan.SmallSites.MERGE))
        .hasMessage("site 'siemens' (siemens) has only benign files; every site needs at least two classes to train");
  }

  @Test
  void aSingleSiteIsNoFederation() throws IOException {
    SiteColumn column = column("patient_id,scanner\nP1,ge\nP2,ge\n");
    List<LabelledFile> files = List.of(file("1", "P1", TumourClass.BENIGN), file("2", "P2", TumourClass.MALIGNANT));

    assertThatThrownBy(() -> SitePlan.divide(files, column, 1, SitePlan.SmallSites.MERGE))
        .hasMessageContaining("into 1 site(s)").hasMessageContaining("a federation needs at least 2");
  }

  @Test
  void aMissingColumnIsNamedWithTheColumnsThereAre() throws IOException {
    Files.writeString(dir.resolve("sites.csv"), "patient_id,scanner\nP1,ge\n");

    assertThatThrownBy(() -> SiteColumn.read(dir.resolve("sites.csv"), "patient_id", "manufacturer"))
        .hasMessageEndingWith("sites.csv has no column 'manufacturer'; its columns are [patient_id, scanner]");
  }

  @Test
  void thePatientColumnCannotNameSites() throws IOException {
    Files.writeString(dir.resolve("sites.csv"), "patient_id,scanner\nP1,ge\n");

    assertThatThrownBy(() -> SiteColumn.read(dir.resolve("sites.csv"), "patient_id", "PATIENT_ID"))
        .hasMessageContaining("the site column must not be the patient column");
  }

  @Test
  void aPatientListedWithTwoValuesIsRefused() throws IOException {
    Files.writeString(dir.resolve("sites.csv"), "patient_id,scanner\nP1,ge\nP1,siemens\n");

    assertThatThrownBy(() -> SiteColumn.read(dir.resolve("sites.csv"), "patient_id", "scanner"))
        .hasMessageContaining("sites.csv line 3").hasMessageContaining("a patient belongs to one site");
  }

  @Test
  void aValueWithoutLettersOrDigitsMakesNoSiteName() throws IOException {
    SiteColumn column = column("patient_id,scanner\nP1,***\n");

    assertThatThrownBy(() -> SitePlan.siteId("***", column)).hasMessageContaining("gives no usable site name");
    assertThatThrownBy(() -> SitePlan.siteId("Pooled", column)).hasMessageContaining("'pooled' is reserved");
  }

  private SiteColumn column(String csv) throws IOException {
    return SiteColumn.read(Files.writeString(dir.resolve("sites.csv"), csv), "patient_id", "scanner");
  }

  private static LabelledFile file(String path, String patient, TumourClass label) {
    return new LabelledFile(path, patient, label);
  }
}
