package org.oncofed.node.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatientKeysTest {

  @TempDir
  Path temp;

  @Test
  void keysAreStableForOneNodeAndDifferBetweenNodes() throws Exception {
    String first = PatientKeys.loadOrCreate(temp.resolve("a")).keyFor("MRN-0042");

    assertThat(PatientKeys.loadOrCreate(temp.resolve("a")).keyFor("MRN-0042")).isEqualTo(first).hasSize(64);
    assertThat(PatientKeys.loadOrCreate(temp.resolve("b")).keyFor("MRN-0042")).isNotEqualTo(first);
    assertThat(first).doesNotContain("MRN");
  }

  @Test
  void secretIsReadableByItsOwnerOnly() throws Exception {
    PatientKeys.loadOrCreate(temp);

    assertThat(PosixFilePermissions.toString(
        Files.getPosixFilePermissions(temp.resolve("secrets").resolve("patient-key")))).isEqualTo("rw-------");
  }

  @Test
  void chosenSecretGivesTheSameKeysInAnyDataFolder() throws Exception {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) 7);

    String first = PatientKeys.loadOrCreate(temp.resolve("a"), secret).keyFor("MRN-0042");

    assertThat(PatientKeys.loadOrCreate(temp.resolve("b"), secret).keyFor("MRN-0042")).isEqualTo(first);
  }

  @Test
  void existingSecretIsNeverReplacedByAChosenOne() throws Exception {
    String random = PatientKeys.loadOrCreate(temp).keyFor("MRN-0042");
    byte[] secret = new byte[32];

    assertThat(PatientKeys.loadOrCreate(temp, secret).keyFor("MRN-0042")).isEqualTo(random);
  }

  @Test
  void refusesASecretOfTheWrongLength() {
    assertThatThrownBy(() -> PatientKeys.loadOrCreate(temp, new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a patient-key secret has 32 bytes, found 16");
  }
}
