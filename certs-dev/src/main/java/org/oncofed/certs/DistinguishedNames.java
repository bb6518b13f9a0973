package org.oncofed.certs;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Subject names. Attributes are encoded most significant first (O, then OU, then CN), as X.500
 * intends, so the RFC 2253 form that Java and most tools print reads {@code CN=site-a,OU=node,
 * O=OncoFed}.
 */
final class DistinguishedNames {

  static final String ORGANISATION = "OncoFed";

  private DistinguishedNames() {}

  /** {@code CN=<name>, OU=<role>, O=OncoFed}: the coordinator reads the role from the OU. */
  static X500Name leaf(String name, Role role) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, ORGANISATION)
        .addRDN(BCStyle.OU, role.ou())
        .addRDN(BCStyle.CN, name)
        .build();
  }

  static X500Name authority(String commonName, String organisation) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, organisation)
        .addRDN(BCStyle.CN, commonName)
        .build();
  }
}
