package org.oncofed.coordinator.experiment;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.security.cert.CertificateException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.oncofed.api.ExperimentStatus;
import org.oncofed.common.tls.PeerIdentity;
import org.oncofed.common.tls.ProjectPki;
import org.oncofed.coordinator.plan.ExperimentPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each started experiment on a thread of its own, cancels on request, and resumes running
 * experiments when the coordinator starts again.
 */
@Singleton
class ExperimentThreads {

  private static final Logger LOG = LoggerFactory.getLogger(ExperimentThreads.class);

  private final RunContext context;
  private final String coordinator;
  private final Map<String, Thread> threads = new ConcurrentHashMap<>();
  private final Map<String, ExperimentRun> runs = new ConcurrentHashMap<>();

  ExperimentThreads(RunContext context, ProjectPki pki) {
    this.context = context;
    try {
      this.coordinator = PeerIdentity.of(pki.identity().certificate()).name();
    } catch (CertificateException e) {
      throw new IllegalArgumentException("the coordinator certificate has no usable subject: " + e.getMessage(), e);
    }
  }

  /** Starts running an experiment whose status is RUNNING in the database. */
  void start(ExperimentRecord experiment) {
    ExperimentRun run = new ExperimentRun(context, ExperimentPlan.of(experiment.id(), experiment.configJson())
        .runBy(new ExperimentPlan.Parties(coordinator, experiment.createdBy())));
    Thread thread = new Thread(() -> {
      try {
        run.run();
      } finally {
        runs.remove(experiment.id());
        threads.remove(experiment.id());
      }
    }, "experiment-" + experiment.id().substring(0, 8));
    runs.put(experiment.id(), run);
    threads.put(experiment.id(), thread);
    thread.start();
  }

  /** Asks a running experiment to stop; false if it is not running here. */
  boolean cancel(String experimentId) {
    ExperimentRun run = runs.get(experimentId);
    if (run == null) {
      return false;
    }
    run.cancel();
    return true;
  }

  @EventListener
  void resume(StartupEvent event) {
    for (ExperimentRecord experiment : context.experiments().findByStatus(ExperimentStatus.RUNNING)) {
      LOG.info("Resuming experiment {} '{}' after round {}", experiment.id(), experiment.name(),
          experiment.currentRound());
      start(experiment);
    }
  }

  /** Stops runs before the database closes; they stay RUNNING and resume at the next start. */
  @EventListener
  void pause(ShutdownEvent event) throws InterruptedException {
    threads.values().forEach(Thread::interrupt);
    for (Thread thread : threads.values()) {
      thread.join(10_000);
    }
  }
}
