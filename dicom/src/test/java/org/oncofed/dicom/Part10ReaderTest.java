package org.oncofed.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encodings and pixel layouts the sample files do not cover, built byte by byte. */
class Part10ReaderTest {

  private static final String EXPLICIT_LE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();

  private final Part10Reader reader = new Part10Reader();

  @Test
  void splitsFramesSpreadOverSeveralFragmentsWithTheBasicOffsetTable() throws DicomFormatException {
    int[][] frames = {{1, 2, 300, -4}, {-1000, 5, 6, 32767}};
    byte[][] encoded = {rle16(frames[0]), rle16(frames[1])};
    // Each frame split into two fragments; offsets count item headers (8 bytes each).
    int firstFrameItems = 8 + 40 + 8 + (encoded[0].length - 40);
    DicomBytes ds = DicomBytes.explicitLittle()
        .monochrome16(2, 2, 2, 16, true)
        .header(Tag.PIXEL_DATA, "OB", DicomBytes.UNDEFINED)
        .item(8).raw(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(firstFrameItems).array());
    for (byte[] frame : encoded) {
      ds.item(40).raw(java.util.Arrays.copyOf(frame, 40))
          .item(frame.length - 40).raw(java.util.Arrays.copyOfRange(frame, 40, frame.length));
    }
    byte[] file = DicomBytes.part10(TransferSyntax.RLE_LOSSLESS.uid(), ds.sequenceDelimiter().toBytes());

    PixelArray pixels = reader.readImage(file).pixels();

    assertThat(values(pixels)).containsExactly(1, 2, 300, -4, -1000, 5, 6, 32767);
  }

  @Test
  void infersExplicitBigEndianWhenThereIsNoFileMeta() throws DicomFormatException {
    byte[] file = DicomBytes.explicitBig()
        .text(Tag.MODALITY, "CS", "CT")
        .monochrome16(1, 2, 1, 16, true)
        .element(Tag.PIXEL_DATA, "OW", new byte[] {(byte) 0xFC, 0x18, 0x01, 0x02})
        .toBytes();

    DicomImage image = reader.readImage(file);

    assertThat(image.metadata().transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
    assertThat(image.metadata().transferSyntaxInferred()).isTrue();
    assertThat(values(image.pixels())).containsExactly(-1000, 258);
  }

  @Test
  void masksBitsAboveBitsStoredAndSignExtends() throws DicomFormatException {
    byte[] file = DicomBytes.part10(EXPLICIT_LE, DicomBytes.explicitLittle()
        .monochrome16(1, 3, 1, 12, true)
        .element(Tag.PIXEL_DATA, "OW", DicomBytes.littleEndianShorts(0xF7FF, 0x0800, 0xAFFF))
        .toBytes());

    assertThat(values(reader.readImage(file).pixels())).containsExactly(2047, -2048, -1);
  }

  @Test
  void interleavesColourStoredPlaneByPlane() throws DicomFormatException {
    byte[] file = DicomBytes.part10(EXPLICIT_LE, DicomBytes.explicitLittle()
        .us(Tag.SAMPLES_PER_PIXEL, 3)
        .text(Tag.PHOTOMETRIC_INTERPRETATION, "CS", "RGB")
        .us(Tag.PLANAR_CONFIGURATION, 1)
        .us(Tag.ROWS, 1).us(Tag.COLUMNS, 2)
        .us(Tag.BITS_ALLOCATED, 8).us(Tag.BITS_STORED, 8).us(Tag.HIGH_BIT, 7)
        .us(Tag.PIXEL_REPRESENTATION, 0)
        .element(Tag.PIXEL_DATA, "OB", new byte[] {10, 11, 20, 21, 30, 31})
        .toBytes());

    assertThat(values(reader.readImage(file).pixels())).containsExactly(10, 20, 30, 11, 21, 31);
  }

  @Test
  void upsamplesChromaOfYbrFull422() throws DicomFormatException {
    byte[] file = DicomBytes.part10(EXPLICIT_LE, DicomBytes.explicitLittle()
        .us(Tag.SAMPLES_PER_PIXEL, 3)
        .text(Tag.PHOTOMETRIC_INTERPRETATION, "CS", "YBR_FULL_422")
        .us(Tag.PLANAR_CONFIGURATION, 0)
        .us(Tag.ROWS, 1).us(Tag.COLUMNS, 2)
        .us(Tag.BITS_ALLOCATED, 8).us(Tag.BITS_STORED, 8).us(Tag.HIGH_BIT, 7)
        .us(Tag.PIXEL_REPRESENTATION, 0)
        .element(Tag.PIXEL_DATA, "OB", new byte[] {100, 110, 50, 60})
        .toBytes());

    assertThat(values(reader.readImage(file).pixels())).containsExactly(100, 50, 60, 110, 50, 60);
  }

  @Test
  void appliesPerFrameRescaleFromFunctionalGroups() throws DicomFormatException {
    DicomBytes ds = DicomBytes.explicitLittle().monochrome16(1, 1, 2, 16, false);
    ds.header(Tag.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, "SQ", DicomBytes.UNDEFINED);
    for (String intercept : new String[] {"-1024", "-1000"}) {
      ds.item(DicomBytes.UNDEFINED)
          .header(Tag.PIXEL_VALUE_TRANSFORMATION_SEQUENCE, "SQ", DicomBytes.UNDEFINED)
          .item(DicomBytes.UNDEFINED)
          .text(Tag.RESCALE_INTERCEPT, "DS", intercept)
          .text(Tag.RESCALE_SLOPE, "DS", "1")
          .itemDelimiter().sequenceDelimiter()
          .itemDelimiter();
    }
    ds.sequenceDelimiter().element(Tag.PIXEL_DATA, "OW", DicomBytes.littleEndianShorts(1024, 1024));

    DicomImage image = reader.readImage(DicomBytes.part10(EXPLICIT_LE, ds.toBytes()));

    assertThat(image.metadata().modalityLut().source()).isEqualTo(ModalityLut.Source.PER_FRAME_FUNCTIONAL_GROUP);
    assertThat(image.modalityFrame(0)).containsExactly(0f);
    assertThat(image.modalityFrame(1)).containsExactly(24f);
  }

  @Test
  void readsUndefinedLengthUnknownVrAsAnImplicitSequence() throws DicomFormatException {
    byte[] nested = DicomBytes.implicitLittle().text(Tag.WINDOW_CENTER, "DS", "40").toBytes();
    DicomBytes ds = DicomBytes.explicitLittle()
        .text(Tag.MODALITY, "CS", "CT")
        .header(0x00091010, "UN", DicomBytes.UNDEFINED)
        .item(nested.length).raw(nested)
        .sequenceDelimiter()
        .text(Tag.WINDOW_CENTER, "DS", "50")
        .text(Tag.WINDOW_WIDTH, "DS", "350");

    DicomMetadata metadata = reader.readMetadata(DicomBytes.part10(EXPLICIT_LE, ds.toBytes())).metadata();

    assertThat(metadata.window().centers()).containsExactly(50.0);
  }

  @Test
  void refusesFloatingPointPixelData() {
    byte[] file = DicomBytes.part10(EXPLICIT_LE, DicomBytes.explicitLittle()
        .monochrome16(1, 1, 1, 16, false)
        .element(Tag.FLOAT_PIXEL_DATA, "OF", new byte[4])
        .toBytes());

    assertThatThrownBy(() -> reader.readImage(file))
        .isInstanceOf(DicomFormatException.class)
        .hasMessage("floating-point pixel data is not supported");
  }

  @Test
  void refusesFileWithoutPixelDataWhenAnImageIsAsked() {
    byte[] file = DicomBytes.part10(EXPLICIT_LE,
        DicomBytes.explicitLittle().text(Tag.MODALITY, "CS", "SR").toBytes());

    assertThatThrownBy(() -> reader.readImage(file))
        .isInstanceOfSatisfying(DicomFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(DicomFormatException.Reason.NO_PIXEL_DATA));
  }

  @Test
  void reportsMissingFileAsUnreadable(@TempDir Path dir) {
    assertThatThrownBy(() -> reader.readMetadata(dir.resolve("absent.dcm")))
        .isInstanceOfSatisfying(DicomFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(DicomFormatException.Reason.UNREADABLE))
        .hasMessage("no such file");
  }

  @Test
  void keepsPatientIdentityApartAndOutOfItsStringForm() throws DicomFormatException {
    byte[] file = DicomBytes.part10(EXPLICIT_LE, DicomBytes.explicitLittle()
        .text(Tag.ACCESSION_NUMBER, "SH", "ACC123")
        .text(Tag.PATIENT_NAME, "PN", "Doe^Jane")
        .text(Tag.PATIENT_ID, "LO", "MRN-0042")
        .text(Tag.PATIENT_BIRTH_DATE, "DA", "19700101")
        .toBytes());

    DicomFile parsed = reader.readMetadata(file);

    assertThat(parsed.identity().patientName()).isEqualTo("Doe^Jane");
    assertThat(parsed.identity().patientId()).isEqualTo("MRN-0042");
    assertThat(parsed.identity().accessionNumber()).isEqualTo("ACC123");
    assertThat(parsed.toString()).doesNotContain("Doe", "MRN-0042", "19700101", "ACC123");
  }

  @Test
  void writerOutputReadsBack() throws DicomFormatException {
    byte[] file = new DicomWriter("1.2.840.10008.5.1.4.1.1.2", "1.2.3")
        .text(Tag.MODALITY, Vr.CS, "CT")
        .uint16(Tag.SAMPLES_PER_PIXEL, 1)
        .text(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2")
        .uint16(Tag.ROWS, 1).uint16(Tag.COLUMNS, 2)
        .uint16(Tag.BITS_ALLOCATED, 16).uint16(Tag.BITS_STORED, 16).uint16(Tag.HIGH_BIT, 15)
        .uint16(Tag.PIXEL_REPRESENTATION, 1)
        .text(Tag.RESCALE_INTERCEPT, Vr.DS, "-1024")
        .text(Tag.RESCALE_SLOPE, Vr.DS, "1")
        .pixelData16(new short[] {0, 1064})
        .toBytes();

    DicomImage image = reader.readImage(file);

    assertThat(image.metadata().uids().sopInstanceUid()).isEqualTo("1.2.3");
    assertThat(image.modalityFrame(0)).containsExactly(-1024f, 40f);
  }

  private static int[] values(PixelArray pixels) {
    int[] out = new int[pixels.sampleCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) pixels.storedValue(i);
    }
    return out;
  }

  /** RLE Lossless frame of 16-bit samples with literal runs only. */
  private static byte[] rle16(int[] samples) {
    byte[] high = new byte[samples.length];
    byte[] low = new byte[samples.length];
    for (int i = 0; i < samples.length; i++) {
      high[i] = (byte) (samples[i] >> 8);
      low[i] = (byte) samples[i];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(2).putInt(64).putInt(64 + 1 + samples.length);
    out.writeBytes(header.array());
    for (byte[] segment : new byte[][] {high, low}) {
      out.write(segment.length - 1);
      out.writeBytes(segment);
    }
    return out.toByteArray();
  }
}
