package org.oncofed.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleAndReasonTest {

  @Test
  void roleRoundTripsThroughItsOu() {
    for (Role role : Role.values()) {
      assertThat(Role.fromOu(role.ou())).isEqualTo(role);
    }
    assertThat(Role.NODE.ou()).isEqualTo("node");
  }

  @Test
  void unknownOuNamesTheAcceptedRoles() {
    assertThatThrownBy(() -> Role.fromOu("Node"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown role 'Node': expected one of coordinator, node, researcher, auditor, admin");
  }

  @Test
  void reasonParsesKebabCamelAndConstantSpellings() {
    assertThat(RevocationReason.parse("key-compromise")).isEqualTo(RevocationReason.KEY_COMPROMISE);
    assertThat(RevocationReason.parse("keyCompromise")).isEqualTo(RevocationReason.KEY_COMPROMISE);
    assertThat(RevocationReason.parse("KEY_COMPROMISE")).isEqualTo(RevocationReason.KEY_COMPROMISE);
    assertThat(RevocationReason.CESSATION_OF_OPERATION.label()).isEqualTo("cessation-of-operation");
  }

  @Test
  void reasonCodesAreThoseOfRfc5280() {
    assertThat(RevocationReason.UNSPECIFIED.code()).isZero();
    assertThat(RevocationReason.KEY_COMPROMISE.code()).isEqualTo(1);
    assertThat(RevocationReason.SUPERSEDED.code()).isEqualTo(4);
    assertThat(RevocationReason.PRIVILEGE_WITHDRAWN.code()).isEqualTo(9);
  }
}
