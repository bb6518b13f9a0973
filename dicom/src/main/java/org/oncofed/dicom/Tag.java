package org.oncofed.dicom;

import java.util.Map;

/**
 * The attribute tags OncoFed reads or writes, as {@code (group << 16) | element}. Only tags with a
 * use here are listed; {@link #describe(int)} names them in error messages.
 */
public final class Tag {

  public static final int FILE_META_GROUP_LENGTH = 0x00020000;
  public static final int FILE_META_VERSION = 0x00020001;
  public static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
  public static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
  public static final int TRANSFER_SYNTAX_UID = 0x00020010;
  public static final int IMPLEMENTATION_CLASS_UID = 0x00020012;
  public static final int IMPLEMENTATION_VERSION_NAME = 0x00020013;

  public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
  public static final int IMAGE_TYPE = 0x00080008;
  public static final int SOP_CLASS_UID = 0x00080016;
  public static final int SOP_INSTANCE_UID = 0x00080018;
  public static final int STUDY_DATE = 0x00080020;
  public static final int SERIES_DATE = 0x00080021;
  public static final int STUDY_TIME = 0x00080030;
  public static final int ACCESSION_NUMBER = 0x00080050;
  public static final int MODALITY = 0x00080060;
  public static final int MANUFACTURER = 0x00080070;
  public static final int INSTITUTION_NAME = 0x00080080;
  public static final int REFERRING_PHYSICIAN_NAME = 0x00080090;
  public static final int STATION_NAME = 0x00081010;
  public static final int SERIES_DESCRIPTION = 0x0008103E;
  public static final int MANUFACTURER_MODEL_NAME = 0x00081090;

  public static final int PATIENT_NAME = 0x00100010;
  public static final int PATIENT_ID = 0x00100020;
  public static final int PATIENT_BIRTH_DATE = 0x00100030;
  public static final int PATIENT_SEX = 0x00100040;
  public static final int OTHER_PATIENT_IDS = 0x00101000;
  public static final int PATIENT_AGE = 0x00101010;

  public static final int BODY_PART_EXAMINED = 0x00180015;
  public static final int SLICE_THICKNESS = 0x00180050;
  public static final int KVP = 0x00180060;
  public static final int CONVOLUTION_KERNEL = 0x00181210;
  public static final int PATIENT_POSITION = 0x00185100;

  public static final int STUDY_INSTANCE_UID = 0x0020000D;
  public static final int SERIES_INSTANCE_UID = 0x0020000E;
  public static final int STUDY_ID = 0x00200010;
  public static final int SERIES_NUMBER = 0x00200011;
  public static final int ACQUISITION_NUMBER = 0x00200012;
  public static final int INSTANCE_NUMBER = 0x00200013;
  public static final int IMAGE_POSITION_PATIENT = 0x00200032;
  public static final int IMAGE_ORIENTATION_PATIENT = 0x00200037;
  public static final int FRAME_OF_REFERENCE_UID = 0x00200052;
  public static final int POSITION_REFERENCE_INDICATOR = 0x00201040;
  public static final int SLICE_LOCATION = 0x00201041;

  public static final int SAMPLES_PER_PIXEL = 0x00280002;
  public static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
  public static final int PLANAR_CONFIGURATION = 0x00280006;
  public static final int NUMBER_OF_FRAMES = 0x00280008;
  public static final int ROWS = 0x00280010;
  public static final int COLUMNS = 0x00280011;
  public static final int PIXEL_SPACING = 0x00280030;
  public static final int BITS_ALLOCATED = 0x00280100;
  public static final int BITS_STORED = 0x00280101;
  public static final int HIGH_BIT = 0x00280102;
  public static final int PIXEL_REPRESENTATION = 0x00280103;
  public static final int WINDOW_CENTER = 0x00281050;
  public static final int WINDOW_WIDTH = 0x00281051;
  public static final int RESCALE_INTERCEPT = 0x00281052;
  public static final int RESCALE_SLOPE = 0x00281053;
  public static final int RESCALE_TYPE = 0x00281054;
  public static final int PIXEL_MEASURES_SEQUENCE = 0x00289110;
  public static final int FRAME_VOI_LUT_SEQUENCE = 0x00289132;
  public static final int PIXEL_VALUE_TRANSFORMATION_SEQUENCE = 0x00289145;

  public static final int SHARED_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009229;
  public static final int PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009230;

  public static final int EXTENDED_OFFSET_TABLE = 0x7FE00001;
  public static final int FLOAT_PIXEL_DATA = 0x7FE00008;
  public static final int DOUBLE_FLOAT_PIXEL_DATA = 0x7FE00009;
  public static final int PIXEL_DATA = 0x7FE00010;

  public static final int ITEM = 0xFFFEE000;
  public static final int ITEM_DELIMITATION = 0xFFFEE00D;
  public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

  private static final Map<Integer, String> NAMES =
      Map.ofEntries(
          Map.entry(FILE_META_GROUP_LENGTH, "File Meta Information Group Length"),
          Map.entry(TRANSFER_SYNTAX_UID, "Transfer Syntax UID"),
          Map.entry(SOP_CLASS_UID, "SOP Class UID"),
          Map.entry(SOP_INSTANCE_UID, "SOP Instance UID"),
          Map.entry(MODALITY, "Modality"),
          Map.entry(PATIENT_NAME, "Patient's Name"),
          Map.entry(PATIENT_ID, "Patient ID"),
          Map.entry(SERIES_INSTANCE_UID, "Series Instance UID"),
          Map.entry(SAMPLES_PER_PIXEL, "Samples per Pixel"),
          Map.entry(PHOTOMETRIC_INTERPRETATION, "Photometric Interpretation"),
          Map.entry(PLANAR_CONFIGURATION, "Planar Configuration"),
          Map.entry(NUMBER_OF_FRAMES, "Number of Frames"),
          Map.entry(ROWS, "Rows"),
          Map.entry(COLUMNS, "Columns"),
          Map.entry(PIXEL_SPACING, "Pixel Spacing"),
          Map.entry(BITS_ALLOCATED, "Bits Allocated"),
          Map.entry(BITS_STORED, "Bits Stored"),
          Map.entry(HIGH_BIT, "High Bit"),
          Map.entry(PIXEL_REPRESENTATION, "Pixel Representation"),
          Map.entry(WINDOW_CENTER, "Window Center"),
          Map.entry(WINDOW_WIDTH, "Window Width"),
          Map.entry(RESCALE_INTERCEPT, "Rescale Intercept"),
          Map.entry(RESCALE_SLOPE, "Rescale Slope"),
          Map.entry(SHARED_FUNCTIONAL_GROUPS_SEQUENCE, "Shared Functional Groups Sequence"),
          Map.entry(PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, "Per-Frame Functional Groups Sequence"),
          Map.entry(PIXEL_DATA, "Pixel Data"),
          Map.entry(FLOAT_PIXEL_DATA, "Float Pixel Data"),
          Map.entry(DOUBLE_FLOAT_PIXEL_DATA, "Double Float Pixel Data"),
          Map.entry(ITEM, "Item"),
          Map.entry(ITEM_DELIMITATION, "Item Delimitation Item"),
          Map.entry(SEQUENCE_DELIMITATION, "Sequence Delimitation Item"));

  private Tag() {}

  public static int group(int tag) {
    return tag >>> 16;
  }

  public static int element(int tag) {
    return tag & 0xFFFF;
  }

  /** {@code (gggg,eeee)} in lower-case hex, the way DICOM tools print tags. */
  public static String format(int tag) {
    return String.format("(%04x,%04x)", group(tag), element(tag));
  }

  /** The tag's name when it is one OncoFed knows, followed by its number. */
  public static String describe(int tag) {
    String name = NAMES.get(tag);
    return name == null ? format(tag) : name + " " + format(tag);
  }
}
