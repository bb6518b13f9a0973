package org.oncofed.coordinator.experiment;

import org.oncofed.coordinator.store.NotFoundException;

/** No experiment has this id; answered 404. */
public final class ExperimentNotFoundException extends NotFoundException {

  private static final long serialVersionUID = 1L;

  public ExperimentNotFoundException(String id) {
    super("no experiment with id " + id);
  }
}
