package org.oncofed.common;

import java.util.regex.Pattern;

/**
 * A hospital site's identifier, as written in the CN of its node certificate: lower-case letters,
 * digits and hyphens, starting with a letter or digit, at most 63 characters.
 */
public record SiteId(String value) implements Comparable<SiteId> {

  private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  public SiteId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("invalid site id '" + value
          + "': expected 1-63 lower-case letters, digits or hyphens, not starting with a hyphen");
    }
  }

  public static SiteId of(String value) {
    return new SiteId(value);
  }

  @Override
  public int compareTo(SiteId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
