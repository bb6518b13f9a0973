package org.oncofed.certs;

import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x509.GeneralName;

/** What an end-entity certificate should say: who, in which role, for which key, until when. */
record LeafRequest(
    String name,
    Role role,
    PublicKey publicKey,
    List<GeneralName> subjectAltNames,
    Validity validity) {

  LeafRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(publicKey, "publicKey");
    subjectAltNames = List.copyOf(subjectAltNames);
    Objects.requireNonNull(validity, "validity");
  }
}
