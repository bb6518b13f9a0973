package org.oncofed.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.oncofed.common.audit.AuditVerdict;
import org.oncofed.common.cli.Failures;
import org.oncofed.coordinator.sites.NodeView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./oncofed demo}: a whole federation on this machine, from an empty folder to a clean stop. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Create a development PKI, start a coordinator and hospital nodes as separate processes on "
        + "loopback, show them connected over mutual TLS, and stop them all.")
public final class DemoCommand implements Callable<Integer> {

  static final List<String> SITES = List.of("northshore", "riverside", "lakeside");

  @Option(names = "--work", paramLabel = "DIR", defaultValue = "oncofed-work/demo",
      description = "Work folder, recreated on every run (default: ${DEFAULT-VALUE}).")
  private Path work;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
      description = "How long to wait for processes to come up (default: ${DEFAULT-VALUE}).")
  private int timeoutSeconds;

  private final Console console = new Console(System.out);

  @Override
  public Integer call() {
    Instant started = Instant.now();
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    try (LocalFederation federation = LocalFederation.create(OncofedHome.locate(), work)) {
      console.step("Development PKI in " + federation.work().resolve("pki")
          + ": CA, coordinator, " + SITES.size() + " sites, a researcher");

      console.step("Starting the coordinator (gRPC 127.0.0.1:" + federation.grpcPort()
          + ", REST " + federation.restUri() + ")");
      federation.startCoordinator(timeout);
      console.detail("up, pid " + federation.coordinator().pid());

      console.step("Starting " + SITES.size() + " hospital nodes: " + String.join(", ", SITES));
      for (String site : SITES) {
        federation.startNode(site);
      }
      Set<String> expected = new LinkedHashSet<>(SITES);
      List<NodeView> nodes = federation.awaitConnected(expected, timeout,
          connected -> console.detail(connected + "/" + expected.size() + " connected over mTLS"));

      console.step("Nodes as the coordinator lists them (GET /api/nodes as researcher):");
      console.table(nodes);

      Path export = federation.work().resolve("audit.jsonl");
      console.step("Audit trail exported as auditor to " + export + ", verified offline (CA and site ledgers only):");
      AuditVerdict verdict = federation.exportAndVerifyAudit(export);
      console.detail(verdict.summary());
      if (!verdict.valid()) {
        console.error("the audit trail does not verify");
        return 1;
      }

      console.step("Stopping all processes");
      List<String> unclean = federation.stopAll();
      if (!unclean.isEmpty()) {
        console.error("did not stop cleanly: " + String.join(", ", unclean));
        return 1;
      }
      console.detail("all stopped cleanly; logs in " + federation.work().resolve("logs"));
      console.done(Duration.between(started, Instant.now()));
      return 0;
    } catch (Exception e) {
      console.error(Failures.rootMessage(e));
      return 1;
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new DemoCommand()).execute(args));
  }
}
