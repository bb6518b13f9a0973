package org.oncofed.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.oncofed.common.cli.Failures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./oncofed chaos}: the fault suite for operators. A fault-free reference run, then
 * {@code --runs} runs of the same short experiment, each with the coordinator killed (SIGKILL) at
 * a random instant of one phase, cycling through creation, training, uploads, validation, local
 * baselines and the final test; prints each run and the figures the durability contract promises.
 * With {@code --node-faults}, a node is killed, disconnected or frozen past the deadline instead.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
    description = "Kill the coordinator at random instants of a short experiment, again and again, and check that "
        + "nothing acknowledged is lost, the audit trail verifies against every site's ledger and the final "
        + "model is the fault-free run's.")
public final class ChaosCommand implements Callable<Integer> {

  @Option(names = "--work", paramLabel = "DIR", defaultValue = "oncofed-work/chaos",
      description = "Work folder, recreated on every run (default: ${DEFAULT-VALUE}).")
  private Path work;

  @Option(names = "--runs", defaultValue = "20", description = "Runs with a crash (default: ${DEFAULT-VALUE}).")
  private int runs;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the crash instants (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--node-faults", description = "Fault the nodes instead: kill -9, disconnect or freeze one "
      + "past the round deadline at each phase; a round needs two of the three sites, and the node must rejoin.")
  private boolean nodeFaults;

  @Option(names = "--max-delay-ms", defaultValue = "2000",
      description = "A crash lands up to this long after its phase begins (default: ${DEFAULT-VALUE}).")
  private long maxDelayMs;

  private final Console console = new Console(System.out);

  @Override
  public Integer call() {
    Instant started = Instant.now();
    Duration timeout = Duration.ofMinutes(20);
    try (FaultSuite suite = nodeFaults ? FaultSuite.forNodeFaults(work, timeout) : FaultSuite.start(work, timeout)) {
      console.step("Reference run, no faults");
      FaultRun.Result reference = suite.reference();
      console.detail(describe(reference) + ", model " + abbreviate(reference.finalModel()));
      if (!reference.completed() || !reference.audit().valid()) {
        console.error("the fault-free run itself failed: " + reference.audit().summary());
        return 1;
      }
      int passed = 0;
      int completed = 0;
      int verified = 0;
      int identical = 0;
      int acknowledged = 0;
      int lost = 0;
      List<FaultRun.Fault> kills = nodeFaults ? suite.nodeFaults(runs, seed, Duration.ofMillis(maxDelayMs))
          : suite.randomKills(runs, seed, Duration.ofMillis(maxDelayMs));
      int rejoined = 0;
      for (int i = 0; i < runs; i++) {
        FaultRun.Result run = suite.run("run " + (i + 1), List.of(kills.get(i)));
        boolean same = reference.finalModel().equals(run.finalModel());
        completed += run.completed() ? 1 : 0;
        verified += run.audit().valid() ? 1 : 0;
        identical += same ? 1 : 0;
        acknowledged += run.updates().acknowledged();
        lost += run.updates().lost();
        boolean back = !nodeFaults || suite.nodesRejoined();
        rejoined += back ? 1 : 0;
        passed += suite.passes(run) ? 1 : 0;
        console.step(String.format(Locale.ROOT, "Run %d/%d: %s", i + 1, runs, String.join("; ", run.faults())));
        String outcome = nodeFaults ? (back ? ", every node connected again" : ", a NODE DID NOT REJOIN")
            : same ? ", same model" : ", DIFFERENT model " + abbreviate(run.finalModel());
        console.detail(describe(run) + outcome + (run.audit().valid() ? "" : "; audit: " + run.audit().summary()));
      }
      console.step("Fault suite");
      console.detail(String.format(Locale.ROOT, "experiments completed          %d / %d", completed, runs));
      console.detail(String.format(Locale.ROOT, "acknowledged updates lost      %d of %d", lost, acknowledged));
      console.detail(String.format(Locale.ROOT, "audits verified with ledgers   %d / %d", verified, runs));
      if (nodeFaults) {
        console.detail(String.format(Locale.ROOT, "nodes rejoined                 %d / %d", rejoined, runs));
      } else {
        console.detail(String.format(Locale.ROOT, "final model bit-identical      %d / %d", identical, runs));
      }
      console.done("Fault suite", Duration.between(started, Instant.now()));
      return passed == runs ? 0 : 1;
    } catch (Exception e) {
      console.error(Failures.rootMessage(e));
      return 1;
    }
  }

  private static String describe(FaultRun.Result run) {
    return String.format(Locale.ROOT, "%s in %d s, %d updates acknowledged, %d lost", run.status().toLowerCase(Locale.ROOT),
        run.took().toSeconds(), run.updates().acknowledged(), run.updates().lost());
  }

  private static String abbreviate(String sha256) {
    return sha256 == null ? "none" : sha256.substring(0, 12);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ChaosCommand()).execute(args));
  }
}
