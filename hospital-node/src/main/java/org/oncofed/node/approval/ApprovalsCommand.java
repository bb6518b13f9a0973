package org.oncofed.node.approval;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.oncofed.common.audit.AuditJson;
import org.oncofed.common.plan.SitePlans;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code node approvals list|show|approve|reject}: the plans this site has been asked to run and
 * its decisions on them. Decisions are written to the node's data folder; the running node enters
 * each in its ledger and reports it to the coordinator within seconds (a stopped node, when it starts).
 */
@Command(name = "approvals", mixinStandardHelpOptions = true,
    description = "Plans of experiments that asked to run at this site: list them, show one, approve or reject it.",
    subcommands = {ApprovalsCommand.ListPlans.class, ApprovalsCommand.Show.class, ApprovalsCommand.Approve.class,
      ApprovalsCommand.Reject.class})
public final class ApprovalsCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Options shared by the subcommands. */
  static final class Location {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "oncofed-work/node",
        description = "The node's data folder (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    ApprovalStore store() {
      return new ApprovalStore(dataDir);
    }

    /** The one plan whose hash starts with {@code prefix}; null, having said why, when there is none. */
    PlanRecord find(String prefix) {
      try {
        return match(prefix);
      } catch (IllegalArgumentException | IllegalStateException e) {
        System.err.println("node approvals: " + e.getMessage());
        return null;
      }
    }

    private PlanRecord match(String prefix) {
      String wanted = prefix.strip().toLowerCase(Locale.ROOT);
      if (wanted.length() < 8) {
        throw new IllegalArgumentException("give at least 8 characters of the plan's SHA-256, found '" + prefix + "'");
      }
      List<PlanRecord> matches = store().all().stream().filter(plan -> plan.sha256().startsWith(wanted)).toList();
      if (matches.size() != 1) {
        throw new IllegalArgumentException(matches.isEmpty()
            ? "no plan " + prefix + " in " + store().folder() + " (see: node approvals list)"
            : "plan " + prefix + " is ambiguous: " + matches.stream().map(PlanRecord::sha256).toList());
      }
      return matches.get(0);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the plans and where each stands.")
  static final class ListPlans implements Callable<Integer> {

    @Mixin Location location;

    @Override
    public Integer call() {
      List<PlanRecord> plans = location.store().all();
      if (plans.isEmpty()) {
        System.out.println("no plans yet: a plan appears here when its experiment first sends this site a task");
        return 0;
      }
      System.out.printf(Locale.ROOT, "%-64s  %-8s  %-20s  %-16s  %s%n", "PLAN SHA-256", "STATE", "RECEIVED",
          "RESEARCHER", "EXPERIMENT");
      for (PlanRecord plan : plans) {
        System.out.printf(Locale.ROOT, "%-64s  %-8s  %-20s  %-16s  %s (%s)%n", plan.sha256(),
            plan.state().name().toLowerCase(Locale.ROOT), AuditJson.time(plan.receivedAt()),
            plan.plan().getResearcher(), plan.plan().getExperimentName(), plan.plan().getExperimentId());
      }
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a plan in words, with its hash.")
  static final class Show implements Callable<Integer> {

    @Mixin Location location;

    @Parameters(paramLabel = "PLAN", description = "The plan's SHA-256, or its first 8 or more characters.")
    String plan;

    @Override
    public Integer call() {
      PlanRecord record = location.find(plan);
      if (record == null) {
        return 2;
      }
      System.out.println(SitePlans.describe(record.plan()));
      System.out.println("state          " + record.state().name().toLowerCase(Locale.ROOT)
          + (record.decidedBy() == null ? "" : " by " + record.decidedBy() + " at " + AuditJson.time(record.decidedAt())));
      return 0;
    }
  }

  /** Approve and reject: the same decision with the other answer. */
  abstract static class Decide implements Callable<Integer> {

    @Mixin Location location;

    @Parameters(paramLabel = "PLAN", description = "The plan's SHA-256, or its first 8 or more characters.")
    String plan;

    abstract boolean approve();

    @Override
    public Integer call() {
      PlanRecord record = location.find(plan);
      if (record == null) {
        return 2;
      }
      PlanRecord decided = record.decided(approve(), "operator " + System.getProperty("user.name", "unknown"),
          Clock.systemUTC().instant());
      location.store().save(decided);
      System.out.println("plan " + decided.sha256() + " " + decided.state().name().toLowerCase(Locale.ROOT)
          + " (experiment " + decided.plan().getExperimentName() + "); the node enters it in its ledger and tells "
          + "the coordinator");
      return 0;
    }
  }

  @Command(name = "approve", mixinStandardHelpOptions = true,
      description = "Approve a plan: the node runs its tasks from now on.")
  static final class Approve extends Decide {
    @Override
    boolean approve() {
      return true;
    }
  }

  @Command(name = "reject", mixinStandardHelpOptions = true,
      description = "Reject a plan: the node declines its tasks.")
  static final class Reject extends Decide {
    @Override
    boolean approve() {
      return false;
    }
  }
}
