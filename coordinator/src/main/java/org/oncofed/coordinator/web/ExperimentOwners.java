package org.oncofed.coordinator.web;

import io.micronaut.security.authentication.Authentication;
import org.oncofed.coordinator.experiment.ExperimentRecord;

/** Who may change an experiment or release its models: its creator, or an admin. */
final class ExperimentOwners {

  private ExperimentOwners() {}

  static void require(ExperimentRecord experiment, Authentication caller) {
    if (!experiment.createdBy().equals(caller.getName()) && !caller.getRoles().contains("admin")) {
      throw new ForbiddenException(experiment.id(), "experiment " + experiment.id() + " belongs to "
          + experiment.createdBy() + "; only its creator or an admin may change it");
    }
  }
}
