package org.oncofed.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Details hold hashes, counts and settings; keys naming patient data are refused before anything is stored. */
class AuditDetailsTest {

  @ParameterizedTest
  @ValueSource(strings = {"patientName", "patient_id", "PatientBirthDate", "accessionNumber", "AccessionNumber",
      "dob", "MRN", "date-of-birth", "00100020", "studyInstanceUid", "otherPatientIDs"})
  void refusesKeysThatNamePatientData(String key) {
    assertThatThrownBy(() -> AuditDetails.of(Map.of(key, "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key 'details." + key + "' names a patient identifier");
  }

  @Test
  void refusesPatientDataKeysInsideNestedMapsAndLists() {
    assertThatThrownBy(() -> AuditDetails.of(Map.of("cases", List.of(Map.of("mrn", "123")))))
        .hasMessageContaining("key 'details.cases[0].mrn'");
  }

  @Test
  void acceptsAggregateCountsAndHashes() {
    Map<String, Object> details = AuditDetails.of(Map.of("patients", 42, "sampleCount", 1200,
        "datasetFingerprint", "ab12", "siteId", "north"));

    assertThat(details).containsEntry("patients", 42L).containsEntry("sampleCount", 1200L);
  }

  @Test
  void refusesNullsNonFiniteNumbersAndOtherTypes() {
    assertThatThrownBy(() -> AuditDetails.of(java.util.Collections.singletonMap("reason", null)))
        .hasMessage("details.reason is null: leave the key out instead");
    assertThatThrownBy(() -> AuditDetails.of(Map.of("loss", Double.NaN)))
        .hasMessage("details.loss is NaN: only finite numbers can be recorded");
    assertThatThrownBy(() -> AuditDetails.of(Map.of("when", new java.util.Date())))
        .hasMessageContaining("details.when is a java.util.Date");
  }

  @Test
  void refusesKeysOutsideThePortableAlphabet() {
    assertThatThrownBy(() -> AuditDetails.of(Map.of("weights per site", 1)))
        .hasMessageContaining("has key 'weights per site': keys must be 1-64 ASCII letters");
  }
}
