package org.oncofed.coordinator.release;

import org.oncofed.coordinator.store.NotFoundException;

/** No release with the id asked for. */
public final class ReleaseNotFoundException extends NotFoundException {

  private static final long serialVersionUID = 1L;

  public ReleaseNotFoundException(String id) {
    super("no released model with id " + id);
  }
}
