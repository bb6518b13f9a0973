package org.oncofed.coordinator.experiment;

/** No experiment has this id; answered 404. */
public final class ExperimentNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ExperimentNotFoundException(String id) {
    super("no experiment with id " + id);
  }
}
