package org.oncofed.node.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.common.TumourClass;
import org.oncofed.dicom.DicomMetadata;
import org.oncofed.dicom.InstanceUids;
import org.oncofed.dicom.ModalityLut;
import org.oncofed.dicom.PixelModule;
import org.oncofed.dicom.PreambleContent;
import org.oncofed.dicom.TransferSyntax;
import org.oncofed.dicom.VoiWindow;

class LabelManifestTest {

  @TempDir Path temp;

  @Test
  void prefersInstanceThenPathThenSeries() throws IOException {
    LabelManifest labels = manifest(
        "series_instance_uid,sop_instance_uid,path,label",
        "1.2.3,,,normal",
        ",1.2.3.4,,malignant",
        ",,a/b.dcm,benign");

    assertThat(labels.labelFor("x.dcm", metadata("1.2.3", "1.2.3.4"))).contains(TumourClass.MALIGNANT);
    assertThat(labels.labelFor("a/b.dcm", metadata("1.2.3", "9.9"))).contains(TumourClass.BENIGN);
    assertThat(labels.labelFor("c.dcm", metadata("1.2.3", "9.9"))).contains(TumourClass.NORMAL);
    assertThat(labels.labelFor("c.dcm", metadata("7.7", "9.9"))).isEmpty();
  }

  @Test
  void refusesConflictingLabelsNamingTheLine() {
    assertThatThrownBy(() -> manifest("series_instance_uid,label", "1.2,benign", "1.2,malignant"))
        .isInstanceOf(IOException.class)
        .hasMessage("labels.csv line 3: '1.2' is labelled both benign and malignant");
  }

  @Test
  void refusesUnknownLabelNamingTheLine() {
    assertThatThrownBy(() -> manifest("path,label", "a.dcm,tumour"))
        .hasMessage("labels.csv line 2: unknown class label 'tumour': expected one of [normal, benign, malignant]");
  }

  @Test
  void refusesPathKeysThatLeaveTheRoot() {
    assertThatThrownBy(() -> manifest("path,label", "../elsewhere/a.dcm,benign"))
        .hasMessage("labels.csv line 2: '../elsewhere/a.dcm' leads outside the dataset root");
  }

  @Test
  void refusesHeaderWithoutKeyColumn() {
    assertThatThrownBy(() -> manifest("file,label", "a.dcm,benign"))
        .hasMessageContaining("header must name 'label' and at least one of [sop_instance_uid, series_instance_uid, path]");
  }

  private LabelManifest manifest(String... lines) throws IOException {
    Path csv = temp.resolve("labels.csv");
    Files.write(csv, List.of(lines));
    return LabelManifest.read(csv);
  }

  private static DicomMetadata metadata(String series, String sop) {
    return new DicomMetadata(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false, PreambleContent.ZEROS, true,
        "1.2.840.10008.5.1.4.1.1.2", "CT", null, null, new InstanceUids("1", series, sop),
        new PixelModule(null, null, 1, null, null, null, null, null, null, null), false, ModalityLut.NONE,
        VoiWindow.NONE, null);
  }
}
