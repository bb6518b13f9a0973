package org.oncofed.synthetic;

import java.math.BigDecimal;
import java.util.Locale;
import org.oncofed.dicom.DicomWriter;
import org.oncofed.dicom.Tag;
import org.oncofed.dicom.Vr;

/**
 * One synthetic slice as a CT Image Storage file: the patient, study, series, equipment, frame of
 * reference, image plane, image pixel and CT image attributes a conforming reader expects.
 */
final class CtSliceFile {

  /** What all slices of one synthetic patient's series share. */
  record Study(
      String site, SyntheticIdentity identity, String studyUid, String seriesUid, String frameOfReferenceUid,
      String date, String time) {}

  private CtSliceFile() {}

  static byte[] encode(Study study, ScannerProfile scanner, int instance, double z, String sopUid, short[] pixels) {
    SyntheticIdentity identity = study.identity();
    String spacing = ds(scanner.pixelSpacing());
    double half = scanner.matrix() * scanner.pixelSpacing() / 2;
    return new DicomWriter(SiteSynthesizer.CT_IMAGE_STORAGE, sopUid)
        .text(Tag.IMAGE_TYPE, Vr.CS, "ORIGINAL\\PRIMARY\\AXIAL")
        .text(Tag.STUDY_DATE, Vr.DA, study.date())
        .text(Tag.SERIES_DATE, Vr.DA, study.date())
        .text(Tag.STUDY_TIME, Vr.TM, study.time())
        .text(Tag.ACCESSION_NUMBER, Vr.SH, identity.accession())
        .text(Tag.MODALITY, Vr.CS, "CT")
        .text(Tag.MANUFACTURER, Vr.LO, "OncoFed Synthetic")
        .text(Tag.INSTITUTION_NAME, Vr.LO, "Synthetic hospital " + study.site())
        .text(Tag.REFERRING_PHYSICIAN_NAME, Vr.PN, "")
        .text(Tag.SERIES_DESCRIPTION, Vr.LO, "Synthetic chest CT")
        .text(Tag.MANUFACTURER_MODEL_NAME, Vr.LO, scanner.model())
        .text(Tag.PATIENT_NAME, Vr.PN, identity.name())
        .text(Tag.PATIENT_ID, Vr.LO, identity.patientId())
        .text(Tag.PATIENT_BIRTH_DATE, Vr.DA, identity.birthDate())
        .text(Tag.PATIENT_SEX, Vr.CS, identity.sex())
        .text(Tag.BODY_PART_EXAMINED, Vr.CS, "CHEST")
        .text(Tag.SLICE_THICKNESS, Vr.DS, ds(scanner.sliceThickness()))
        .text(Tag.KVP, Vr.DS, "120")
        .text(Tag.CONVOLUTION_KERNEL, Vr.SH, scanner.kernelName())
        .text(Tag.PATIENT_POSITION, Vr.CS, "HFS")
        .text(Tag.STUDY_INSTANCE_UID, Vr.UI, study.studyUid())
        .text(Tag.SERIES_INSTANCE_UID, Vr.UI, study.seriesUid())
        .text(Tag.STUDY_ID, Vr.SH, "1")
        .text(Tag.SERIES_NUMBER, Vr.IS, "1")
        .text(Tag.ACQUISITION_NUMBER, Vr.IS, "1")
        .text(Tag.INSTANCE_NUMBER, Vr.IS, Integer.toString(instance))
        .text(Tag.IMAGE_POSITION_PATIENT, Vr.DS, ds(-half) + "\\" + ds(-half) + "\\" + ds(-z))
        .text(Tag.IMAGE_ORIENTATION_PATIENT, Vr.DS, "1\\0\\0\\0\\1\\0")
        .text(Tag.FRAME_OF_REFERENCE_UID, Vr.UI, study.frameOfReferenceUid())
        .text(Tag.POSITION_REFERENCE_INDICATOR, Vr.LO, "")
        .text(Tag.SLICE_LOCATION, Vr.DS, ds(-z))
        .uint16(Tag.SAMPLES_PER_PIXEL, 1)
        .text(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2")
        .uint16(Tag.ROWS, scanner.matrix())
        .uint16(Tag.COLUMNS, scanner.matrix())
        .text(Tag.PIXEL_SPACING, Vr.DS, spacing + "\\" + spacing)
        .uint16(Tag.BITS_ALLOCATED, 16)
        .uint16(Tag.BITS_STORED, scanner.bitsStored())
        .uint16(Tag.HIGH_BIT, scanner.bitsStored() - 1)
        .uint16(Tag.PIXEL_REPRESENTATION, scanner.signed() ? 1 : 0)
        .text(Tag.WINDOW_CENTER, Vr.DS, Integer.toString(scanner.windowCenter()))
        .text(Tag.WINDOW_WIDTH, Vr.DS, Integer.toString(scanner.windowWidth()))
        .text(Tag.RESCALE_INTERCEPT, Vr.DS, Integer.toString(scanner.rescaleIntercept()))
        .text(Tag.RESCALE_SLOPE, Vr.DS, "1")
        .text(Tag.RESCALE_TYPE, Vr.LO, "HU")
        .pixelData16(pixels)
        .toBytes();
  }

  /** Decimal String: plain notation, at most 16 characters. */
  private static String ds(double value) {
    String s = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    return s.length() <= 16 ? s : String.format(Locale.ROOT, "%.6f", value);
  }
}
