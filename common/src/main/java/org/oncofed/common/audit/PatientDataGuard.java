package org.oncofed.common.audit;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses detail keys that name patient data, so that an identifying value cannot be written into
 * the audit trail or a site ledger by mistake (a record can never be removed once written). Keys are
 * compared case-insensitively with {@code _ . -} ignored, so {@code patient_id}, {@code PatientID}
 * and {@code patient-id} are all refused. This catches careless keys, not a value smuggled under an
 * innocent key: callers must still put only hashes, counts and settings into details.
 */
final class PatientDataGuard {

  /** Fragments that mark a key as patient data wherever they occur in it. */
  private static final List<String> FRAGMENTS = List.of(
      "patientname", "patientsname", "patientid", "patientsid", "otherpatientid", "patientbirth",
      "patientsbirth", "birthdate", "dateofbirth", "birthday", "accession", "medicalrecord",
      "socialsecurity", "patientaddress", "patientsaddress", "patientphone", "patientstelephone",
      "patienttelephone", "patientemail", "studyinstanceuid", "seriesinstanceuid", "sopinstanceuid",
      "mothersmaidenname", "insuranceid");
  /** Keys refused when they are the whole key: too short to search for inside other words. */
  private static final Set<String> WHOLE_KEYS = Set.of("dob", "mrn", "ssn", "nhsnumber", "pid", "pn");
  /** DICOM tags of the Patient module (group 0010) and Accession Number (0008,0050), as keys. */
  private static final Pattern PATIENT_TAG = Pattern.compile("0010[0-9a-f]{4}|00080050");

  private PatientDataGuard() {}

  /** Fails naming the key's path if the key names patient data. */
  static void checkKey(String key, String path) {
    String folded = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(".", "");
    boolean refused = WHOLE_KEYS.contains(folded)
        || PATIENT_TAG.matcher(folded).matches()
        || FRAGMENTS.stream().anyMatch(folded::contains);
    if (refused) {
      throw new IllegalArgumentException("audit details may not carry patient data: key '" + path
          + "' names a patient identifier; record a hash or a count instead");
    }
  }
}
