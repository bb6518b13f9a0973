package org.oncofed.node.tls;

import org.oncofed.common.tls.RevocationList;

/** Acts on the node's revocation list after each scheduled check, whether or not the list changed. */
public interface CoordinatorRevocationListener {

  void afterRevocationCheck(RevocationList revocations);
}
