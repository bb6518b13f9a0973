package org.oncofed.coordinator.round;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.oncofed.api.ExperimentStatus;
import org.oncofed.coordinator.experiment.ExperimentPlan;
import org.oncofed.coordinator.experiment.ExperimentRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each started experiment on a thread of its own, cancels on request, and resumes running
 * experiments when the coordinator starts again.
 */
@Singleton
public class ExperimentRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

  private final RoundServices services;
  private final Map<String, Thread> threads = new ConcurrentHashMap<>();
  private final Map<String, ExperimentRun> runs = new ConcurrentHashMap<>();

  ExperimentRunner(RoundServices services) {
    this.services = services;
  }

  /** Starts running an experiment whose status is RUNNING in the database. */
  public void start(ExperimentRecord experiment) {
    ExperimentRun run = new ExperimentRun(services, ExperimentPlan.of(experiment.id(), experiment.configJson()));
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
  public boolean cancel(String experimentId) {
    ExperimentRun run = runs.get(experimentId);
    if (run == null) {
      return false;
    }
    run.cancel();
    return true;
  }

  public boolean isRunning(String experimentId) {
    return runs.containsKey(experimentId);
  }

  @EventListener
  void resume(StartupEvent event) {
    for (ExperimentRecord experiment : services.experiments().findByStatus(ExperimentStatus.RUNNING)) {
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
