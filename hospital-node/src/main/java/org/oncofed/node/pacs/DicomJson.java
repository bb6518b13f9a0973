package org.oncofed.node.pacs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One result of a QIDO-RS search in the DICOM JSON model (PS3.18 F.2): attributes by tag. */
final class DicomJson {

  static final String STUDY_INSTANCE_UID = "0020000D";
  static final String SERIES_INSTANCE_UID = "0020000E";
  static final String SOP_INSTANCE_UID = "00080018";
  static final String STUDY_DATE = "00080020";
  static final String MODALITY = "00080060";
  static final String MODALITIES_IN_STUDY = "00080061";
  static final String STUDY_DESCRIPTION = "00081030";
  static final String PATIENT_NAME = "00100010";
  static final String PATIENT_ID = "00100020";
  static final String NUMBER_OF_STUDY_RELATED_INSTANCES = "00201208";

  private final JsonNode attributes;

  DicomJson(JsonNode attributes) {
    this.attributes = attributes;
  }

  /** The attribute's values as text (a person name as its alphabetic form); empty when absent. */
  List<String> values(String tag) {
    List<String> values = new ArrayList<>();
    attributes.path(tag).path("Value").forEach(value -> values.add(
        value.isObject() ? value.path("Alphabetic").asText("") : value.asText()));
    return values;
  }

  Optional<String> first(String tag) {
    return values(tag).stream().findFirst();
  }

  /** A UID the result must carry to be followed. */
  String uid(String tag, String what) throws java.io.IOException {
    String uid = first(tag).orElseThrow(() -> new java.io.IOException("a " + what + " in the PACS answer has no UID"));
    if (!uid.matches("[0-9]+(\\.[0-9]+)*") || uid.length() > 64) {
      throw new java.io.IOException("the PACS answered a " + what + " UID that is not a DICOM UID: '" + uid + "'");
    }
    return uid;
  }
}
