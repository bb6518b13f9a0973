package org.oncofed.common.tls;

import java.util.Locale;

/**
 * What a certificate holder may do. The project CA records the role in the certificate subject's
 * organisational unit ({@code OU=node}), so a role can never be claimed, only presented.
 */
public enum Role {
  COORDINATOR,
  NODE,
  RESEARCHER,
  AUDITOR,
  ADMIN;

  /** The value of the subject's OU attribute for this role. */
  public String ou() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named by an OU value; fails naming the value when it is not a known role. */
  public static Role fromOu(String ou) {
    for (Role role : values()) {
      if (role.ou().equals(ou)) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role '" + ou + "' in certificate subject OU");
  }
}
