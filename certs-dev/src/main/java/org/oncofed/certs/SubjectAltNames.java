package org.oncofed.certs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.util.IPAddress;

/** Subject alternative names of the coordinator certificate, given as DNS names or IP literals. */
final class SubjectAltNames {

  /** What a coordinator on this machine is dialled as, whichever loopback form a node uses. */
  static final List<String> COORDINATOR_DEFAULTS = List.of("localhost", "127.0.0.1", "::1");

  private static final Pattern DNS_NAME =
      Pattern.compile(
          "(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");

  private SubjectAltNames() {}

  /** The defaults followed by {@code extra}, each name once. */
  static List<GeneralName> coordinator(List<String> extra) {
    Objects.requireNonNull(extra, "extra");
    Set<GeneralName> names = new LinkedHashSet<>();
    for (String value : COORDINATOR_DEFAULTS) {
      names.add(parse(value));
    }
    for (String value : extra) {
      names.add(parse(value));
    }
    return new ArrayList<>(names);
  }

  /**
   * An IP address SAN for an IPv4 or IPv6 literal, a DNS SAN otherwise.
   *
   * @throws IllegalArgumentException if {@code value} is neither
   */
  static GeneralName parse(String value) {
    Objects.requireNonNull(value, "value");
    if (IPAddress.isValid(value)) {
      return new GeneralName(GeneralName.iPAddress, value);
    }
    String dns = value.toLowerCase(Locale.ROOT);
    // All-numeric names such as 10.0.0 are mistyped addresses, not host names.
    if (dns.length() > 253
        || !DNS_NAME.matcher(dns).matches()
        || DIGITS_AND_DOTS.matcher(dns).matches()) {
      throw new IllegalArgumentException(
          "invalid subject alternative name '"
              + value
              + "': expected a DNS name such as coordinator.example or an IPv4/IPv6 address"
              + " such as 10.0.0.5 or fd00::5");
    }
    return new GeneralName(GeneralName.dNSName, dns);
  }
}
