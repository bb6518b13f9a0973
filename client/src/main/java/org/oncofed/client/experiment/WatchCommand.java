package org.oncofed.client.experiment;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.oncofed.api.ExperimentStatus;
import org.oncofed.api.ExperimentView;
import org.oncofed.client.rest.ApiException;
import org.oncofed.client.rest.CoordinatorApiClient;
import org.oncofed.common.cli.Failures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code experiment watch ID}: polls the experiment's status and prints a line per event until it
 * ends. Exits 0 when it completes, {@link ExitCodes#EXPERIMENT_FAILED} or
 * {@link ExitCodes#EXPERIMENT_CANCELLED} otherwise. Rides out a coordinator restart.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
    description = "Follow an experiment until it ends, one line per event: rounds opened and closed, each site's "
        + "answer and training progress, pooled validation metrics, the final comparison. Exit code 0 when it "
        + "completes, 4 when it fails, 5 when it is cancelled. Ctrl-C stops watching, not the experiment.")
final class WatchCommand extends ApiCommand {

  static final double MIN_INTERVAL_SECONDS = 0.2;
  static final double MAX_INTERVAL_SECONDS = 60;
  /** Longest wait between attempts while the coordinator cannot be reached. */
  private static final Duration MAX_RETRY = Duration.ofSeconds(30);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  @Parameters(index = "0", paramLabel = "ID", description = "Experiment id.")
  private String id;

  @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2",
      description = "Polling interval, " + MIN_INTERVAL_SECONDS + " to " + MAX_INTERVAL_SECONDS
          + " seconds (default: ${DEFAULT-VALUE}).")
  private double intervalSeconds;

  @Override
  void checkInputs() {
    if (!(intervalSeconds >= MIN_INTERVAL_SECONDS && intervalSeconds <= MAX_INTERVAL_SECONDS)) {
      throw new BadInputException("--interval must be between " + MIN_INTERVAL_SECONDS + " and "
          + MAX_INTERVAL_SECONDS + " seconds, found " + intervalSeconds);
    }
  }

  @Override
  int run(CoordinatorApiClient api) throws IOException, InterruptedException {
    Duration interval = Duration.ofMillis(Math.round(intervalSeconds * 1000));
    Duration retry = interval;
    ExperimentView before = null;
    String waitingBefore = null;
    boolean unreachable = false;
    while (before == null || !ExperimentStatus.valueOf(before.status()).isFinal()) {
      ExperimentView now;
      String waiting;
      try {
        now = api.experiment(id);
        waiting = WatchEvents.mayWaitForQuorum(now) ? WatchEvents.waitingForQuorum(now, api.nodes()) : null;
      } catch (ApiException e) {
        throw e; // the coordinator answered: not a connection problem to wait out
      } catch (IOException e) {
        if (before == null) {
          throw e;
        }
        if (!unreachable) {
          print(List.of("coordinator unreachable (" + Failures.rootMessage(e) + "); still trying"));
        }
        unreachable = true;
        retry = min(retry.multipliedBy(2), MAX_RETRY);
        Thread.sleep(retry.toMillis());
        continue;
      }
      if (before == null) {
        out().println("watching experiment " + id + " \"" + now.name() + "\"; Ctrl-C stops watching, not the experiment");
      }
      if (unreachable) {
        print(List.of("coordinator reachable again"));
        unreachable = false;
        retry = interval;
      }
      print(WatchEvents.between(before, now));
      if (waiting != null && !waiting.equals(waitingBefore)) {
        print(List.of(waiting));
      }
      before = now;
      waitingBefore = waiting;
      if (!ExperimentStatus.valueOf(now.status()).isFinal()) {
        Thread.sleep(interval.toMillis());
      }
    }
    return switch (ExperimentStatus.valueOf(before.status())) {
      case FAILED -> ExitCodes.EXPERIMENT_FAILED;
      case CANCELLED -> ExitCodes.EXPERIMENT_CANCELLED;
      default -> ExitCodes.OK;
    };
  }

  private void print(List<String> lines) {
    String time = LocalTime.now().format(TIME);
    lines.forEach(line -> out().println(time + "  " + line));
    out().flush();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
