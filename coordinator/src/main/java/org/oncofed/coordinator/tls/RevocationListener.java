package org.oncofed.coordinator.tls;

import org.oncofed.common.tls.RevocationList;

/** Acts on the revocation list after each scheduled check, whether or not the list changed. */
public interface RevocationListener {

  void afterRevocationCheck(RevocationList revocations);
}
