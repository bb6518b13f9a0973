package org.oncofed.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectAltNamesTest {

  @Test
  void ipLiteralsBecomeIpAddressNamesAndTheRestDnsNames() {
    assertThat(SubjectAltNames.parse("10.0.0.5").getTagNo()).isEqualTo(GeneralName.iPAddress);
    assertThat(SubjectAltNames.parse("fd00::5").getTagNo()).isEqualTo(GeneralName.iPAddress);
    assertThat(SubjectAltNames.parse("Coordinator.Example").getTagNo())
        .isEqualTo(GeneralName.dNSName);
    assertThat(SubjectAltNames.parse("Coordinator.Example").getName().toString())
        .isEqualTo("coordinator.example");
    assertThat(SubjectAltNames.parse("*.hospital.example").getTagNo())
        .isEqualTo(GeneralName.dNSName);
  }

  @Test
  void coordinatorNamesStartWithTheLoopbackDefaultsAndHoldEachNameOnce() {
    assertThat(SubjectAltNames.coordinator(List.of("localhost", "coord.example", "coord.example")))
        .containsExactly(
            SubjectAltNames.parse("localhost"),
            SubjectAltNames.parse("127.0.0.1"),
            SubjectAltNames.parse("::1"),
            SubjectAltNames.parse("coord.example"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not a host",
        "10.0.0",
        "[::1]",
        "-bad.example",
        "bad-.example",
        "under_score.example",
        "a..b",
        "http://coord.example"
      })
  void rejectsWhatIsNeitherADnsNameNorAnIpAddress(String value) {
    assertThatThrownBy(() -> SubjectAltNames.parse(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid subject alternative name '" + value + "': expected");
  }
}
