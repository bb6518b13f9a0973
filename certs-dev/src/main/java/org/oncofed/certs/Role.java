package org.oncofed.certs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a certificate holder may do. The role travels in the subject's OU attribute, which is where
 * the coordinator reads it from, so {@link #ou()} is part of the wire contract.
 */
public enum Role {
  COORDINATOR,
  NODE,
  RESEARCHER,
  AUDITOR,
  ADMIN;

  /** The OU value for this role: its name in lower case, e.g. {@code node}. */
  public String ou() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** People rather than services: the roles {@code add-user} may issue. */
  public boolean isUserRole() {
    return this == RESEARCHER || this == AUDITOR || this == ADMIN;
  }

  /**
   * The role whose {@link #ou()} is {@code ou}, compared exactly (lower case).
   *
   * @throws IllegalArgumentException naming the accepted values when none matches
   */
  public static Role fromOu(String ou) {
    Objects.requireNonNull(ou, "ou");
    for (Role role : values()) {
      if (role.ou().equals(ou)) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '" + ou + "': expected one of " + list(values()));
  }

  static String list(Role... roles) {
    return Arrays.stream(roles).map(Role::ou).collect(Collectors.joining(", "));
  }
}
