package org.oncofed.certs;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which names may be issued. A name becomes a certificate CN, a file name and a column of
 * index.tsv, so it is kept to lower-case letters, digits and hyphens.
 */
final class NamePolicy {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final String EXPECTED =
      "1 to 63 characters of a-z, 0-9 and '-', starting with a letter or digit";

  private NamePolicy() {}

  static String requireSiteId(String siteId) {
    return require(siteId, "site id");
  }

  static String requireUserName(String name) {
    return require(name, "user name");
  }

  private static String require(String name, String what) {
    Objects.requireNonNull(name, what);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid " + what + " '" + name + "': expected " + EXPECTED);
    }
    return name;
  }
}
