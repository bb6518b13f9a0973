package org.oncofed.common.tls;

import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Who is on the other end of a verified TLS connection: the subject's common name (a site id for
 * nodes, a user name otherwise) and the role the CA recorded in the subject's OU.
 */
public record PeerIdentity(String name, Role role, String subject, BigInteger serial) {

  public PeerIdentity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(serial, "serial");
  }

  /** Reads the identity from a certificate's subject; fails if CN or OU is missing or unknown. */
  public static PeerIdentity of(X509Certificate certificate) throws CertificateException {
    String subject = certificate.getSubjectX500Principal().getName();
    String cn = null;
    String ou = null;
    try {
      for (Rdn rdn : new LdapName(subject).getRdns()) {
        String type = rdn.getType();
        if (type.equalsIgnoreCase("CN")) {
          cn = cn == null ? rdn.getValue().toString() : ambiguous(subject, "CN");
        } else if (type.equalsIgnoreCase("OU")) {
          ou = ou == null ? rdn.getValue().toString() : ambiguous(subject, "OU");
        }
      }
    } catch (InvalidNameException e) {
      throw new CertificateException("certificate subject '" + subject + "' cannot be parsed", e);
    }
    if (cn == null || cn.isBlank()) {
      throw new CertificateException("certificate subject '" + subject + "' has no CN");
    }
    if (ou == null) {
      throw new CertificateException("certificate subject '" + subject + "' has no OU naming a role");
    }
    try {
      return new PeerIdentity(cn, Role.fromOu(ou), subject, certificate.getSerialNumber());
    } catch (IllegalArgumentException e) {
      throw new CertificateException(e.getMessage() + " of '" + subject + "'");
    }
  }

  private static String ambiguous(String subject, String attribute) throws CertificateException {
    throw new CertificateException("certificate subject '" + subject + "' has more than one " + attribute);
  }

  /** Serial number in upper-case hex, as openssl prints it. */
  public String serialHex() {
    return serial.toString(16).toUpperCase(java.util.Locale.ROOT);
  }
}
