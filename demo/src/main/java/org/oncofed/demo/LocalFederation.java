package org.oncofed.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.oncofed.api.NodeView;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.client.rest.CoordinatorApiClient;
import org.oncofed.common.audit.AuditVerdict;
import org.oncofed.common.audit.LedgerCrossCheck;
import org.oncofed.common.tls.PemFiles;

/**
 * A federation on this machine: a development PKI, a coordinator and hospital nodes, each a separate
 * process on loopback, all under one work folder. The demo and the end-to-end tests drive it.
 */
final class LocalFederation implements AutoCloseable {

  /** Marks a folder as created by the demo (or the lab, or the fault suite), so that only such folders are ever wiped. */
  static final String MARKER = ".oncofed-demo";

  /**
   * The researcher whose plans every demo site pre-approves by a rule of its policy: approval stays
   * on, and a plan by anyone else would wait for an operator.
   */
  static final String RESEARCHER = "demo-researcher";

  private final OncofedHome home;
  private final Path work;
  private final DevPki pki;
  private final Credential researcher;
  private final Credential auditor;
  private final int grpcPort = FreePorts.next();
  private final int httpsPort = FreePorts.next();
  private final Map<String, ChildProcess> nodes = new LinkedHashMap<>();
  private final Map<String, Credential> sites = new LinkedHashMap<>();
  private ChildProcess coordinator;
  private CoordinatorApiClient api;
  private Duration heartbeatTimeout = Duration.ofSeconds(10);
  private List<String> database = List.of();
  private Long splitSeed;

  private LocalFederation(OncofedHome home, Path work, DevPki pki, Credential researcher, Credential auditor) {
    this.home = home;
    this.work = work;
    this.pki = pki;
    this.researcher = researcher;
    this.auditor = auditor;
  }

  /**
   * Creates a fresh work folder with a PKI. An existing folder is wiped only if the demo made it;
   * any other non-empty folder is refused, so that nothing else is ever deleted.
   */
  static LocalFederation create(OncofedHome home, Path work) throws IOException {
    Path dir = work.toAbsolutePath().normalize();
    if (Files.isDirectory(dir)) {
      boolean empty;
      try (Stream<Path> entries = Files.list(dir)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty && !Files.exists(dir.resolve(MARKER))) {
        throw new IOException(dir + " is not empty and was not created by ./oncofed demo, lab or chaos; choose another folder");
      }
      deleteTree(dir);
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(MARKER), "Created by ./oncofed (demo, lab or chaos); deleted and recreated on every run.\n");
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    Credential researcher = pki.addUser(RESEARCHER, Role.RESEARCHER);
    Credential auditor = pki.addUser("demo-auditor", Role.AUDITOR);
    return new LocalFederation(home, dir, pki, researcher, auditor);
  }

  Path work() {
    return work;
  }

  DevPki pki() {
    return pki;
  }

  int grpcPort() {
    return grpcPort;
  }

  URI restUri() {
    return URI.create("https://localhost:" + httpsPort);
  }

  ChildProcess coordinator() {
    return coordinator;
  }

  Collection<ChildProcess> nodes() {
    return nodes.values();
  }

  /** The researcher's client of the coordinator's REST API. */
  CoordinatorApiClient api() {
    if (api == null) {
      api = CoordinatorApiClient.connect(restUri(), researcher.certificate(), researcher.privateKey(), pki.caCertificate());
    }
    return api;
  }

  /** A node's data folder, where its dataset is registered. */
  Path nodeDataDir(String site) {
    return work.resolve("nodes").resolve(site);
  }

  /** The Grad-CAM page a node writes, on-site, for the experiment's global model on its test slices. */
  Path explanationsPage(String site, String experimentId) {
    return nodeDataDir(site).resolve("explanations").resolve(experimentId).resolve("index.html");
  }

  /** Fails naming the process and its last log lines if any started process has exited. */
  void requireAllAlive() {
    try {
      coordinator.requireAlive();
      for (ChildProcess node : nodes.values()) {
        node.requireAlive();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * How long the coordinator lets a node's control stream stay silent before it closes it (10 s
   * unless set before {@link #startCoordinator}): longer for tests that freeze a node without
   * letting it disconnect.
   */
  void heartbeatTimeout(Duration timeout) {
    this.heartbeatTimeout = timeout;
  }

  /**
   * The seed of every node's patient split (set before {@link #startNode}); the node's default
   * unless set. Whoever sets it can compute the nodes' splits themselves.
   */
  void splitSeed(long seed) {
    this.splitSeed = seed;
  }

  /**
   * Keeps the coordinator's data in a PostgreSQL schema instead of its H2 file (set before {@link
   * #startCoordinator}); the schema must exist.
   */
  void postgres(String jdbcUrl, String schema, String user, String password) {
    this.database = List.of(
        "datasources:",
        "  default:",
        "    url: " + jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema,
        "    username: " + user,
        "    password: '" + password.replace("'", "''") + "'",
        "    driver-class-name: org.postgresql.Driver",
        "    dialect: POSTGRES");
  }

  /** Starts the coordinator and waits until its REST API answers. */
  void startCoordinator(Duration timeout) throws IOException, InterruptedException {
    Credential server = pki.coordinator();
    List<String> lines = new ArrayList<>(List.of(
        "micronaut:",
        "  server:",
        "    ssl:",
        "      port: " + httpsPort,
        "oncofed:",
        "  coordinator:",
        "    data-dir: " + work.resolve("coordinator"),
        "  tls:",
        "    certificate: " + server.certificate(),
        "    private-key: " + server.privateKey(),
        "    ca: " + pki.caCertificate(),
        "    crl: " + pki.crl(),
        "    revocation-check-interval: 2s",
        "  federation:",
        "    port: " + grpcPort,
        "    heartbeat-interval: 2s",
        "    heartbeat-timeout: " + heartbeatTimeout.toSeconds() + "s"));
    lines.addAll(database);
    Path config = Files.writeString(work.resolve("coordinator.yml"), String.join("\n", lines) + "\n");
    coordinator = ChildProcess.start("coordinator", home.jar("coordinator"),
        List.of("run", "--config", config.toString()), work.resolve("logs/coordinator.log"));
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      coordinator.requireAlive();
      try {
        api().nodes();
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new IOException("coordinator did not answer within " + timeout + ": " + notYet.getMessage()
              + "\nlast lines of " + coordinator.log() + ":\n" + coordinator.tail(15));
        }
        Thread.sleep(250);
      }
    }
  }

  /**
   * Downloads the audit export as the auditor, then verifies it offline as an auditor would: against
   * the CA certificate alone, cross-checked with every site's ledger.
   */
  AuditVerdict exportAndVerifyAudit(Path export) throws IOException, InterruptedException {
    CoordinatorApiClient.connect(restUri(), auditor.certificate(), auditor.privateKey(), pki.caCertificate())
        .exportAudit(export);
    List<Path> ledgers = ledgers().values().stream().filter(Files::exists).toList();
    return new LedgerCrossCheck(PemFiles.readCertificate(pki.caCertificate())).verify(export, ledgers);
  }

  /** Stops the coordinator process (SIGTERM); true if it shut down by itself. */
  boolean stopCoordinator() throws InterruptedException {
    return coordinator.stopCleanly();
  }

  /** Issues a certificate for the site (once) and starts its node, whose policy pre-approves the demo researcher. */
  ChildProcess startNode(String site) throws IOException {
    return startNode(site, List.of("pre-approve:", "  researchers: " + RESEARCHER));
  }

  /**
   * Issues a certificate for the site (once) and starts its node with this site policy.
   *
   * @param policy YAML lines of {@code oncofed.node.policy}, relative to it
   */
  ChildProcess startNode(String site, List<String> policy) throws IOException {
    Credential credential = sites.computeIfAbsent(site, pki::addSite);
    Path nodeDir = nodeDataDir(site);
    Files.createDirectories(nodeDir);
    Path config = Files.writeString(nodeDir.resolve("node.yml"), String.join("\n",
        "micronaut:",
        "  server:",
        "    port: -1",
        "oncofed:",
        "  node:",
        "    data-dir: " + nodeDir,
        splitSeed == null ? "" : "    dataset:\n      split-seed: " + splitSeed,
        "    link:",
        "      coordinator: localhost:" + grpcPort,
        "      initial-backoff: 250ms",
        "      max-backoff: 5s",
        "    policy:",
        policy.stream().map(line -> "      " + line).collect(Collectors.joining("\n")),
        "  tls:",
        "    certificate: " + credential.certificate(),
        "    private-key: " + credential.privateKey(),
        "    ca: " + pki.caCertificate(),
        "    crl: " + pki.crl(),
        ""));
    ChildProcess node = ChildProcess.start("node " + site, home.jar("hospital-node"),
        List.of("run", "--config", config.toString()), work.resolve("logs/node-" + site + ".log"));
    nodes.put(site, node);
    return node;
  }

  /**
   * Waits until every named site is connected, reporting the connected count as it changes.
   *
   * @return the coordinator's listing once all are connected
   */
  List<NodeView> awaitConnected(Set<String> sites, Duration timeout, Consumer<Integer> progress)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int reported = -1;
    while (true) {
      coordinator.requireAlive();
      for (ChildProcess node : nodes.values()) {
        node.requireAlive();
      }
      List<NodeView> listing = api().nodes();
      int connected = (int) listing.stream().filter(n -> n.connected() && sites.contains(n.siteId())).count();
      if (connected != reported) {
        progress.accept(connected);
        reported = connected;
      }
      if (connected == sites.size()) {
        return listing;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(connected + " of " + sites.size() + " nodes connected within " + timeout
            + "; see the logs in " + work.resolve("logs"));
      }
      Thread.sleep(250);
    }
  }

  /** Kills the coordinator's process at once (SIGKILL): no shutdown hook, nothing flushed. */
  void killCoordinator() throws InterruptedException {
    coordinator.kill();
  }

  /**
   * Runs one of the site's node commands as its staff would (for example {@code approvals approve
   * PLAN}) against its data folder; its exit code. Output goes to the site's command log.
   */
  int runNodeCommand(String site, List<String> arguments, Duration timeout) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(arguments);
    command.addAll(List.of("--data-dir", nodeDataDir(site).toString()));
    return ChildProcess.start(site + " " + String.join(" ", arguments), home.jar("hospital-node"), command,
        work.resolve("logs/node-" + site + "-commands.log")).awaitExit(timeout);
  }

  /** Freezes a node's process (SIGSTOP) until {@link #thawNode}. */
  void freezeNode(String site) throws IOException, InterruptedException {
    nodes.get(site).freeze();
  }

  void thawNode(String site) throws IOException, InterruptedException {
    nodes.get(site).thaw();
  }

  /** The ledgers the nodes keep, by site. */
  Map<String, Path> ledgers() {
    Map<String, Path> ledgers = new LinkedHashMap<>();
    for (String site : nodes.keySet()) {
      ledgers.put(site, nodeDataDir(site).resolve("ledger/ledger.jsonl"));
    }
    return ledgers;
  }

  /** Stops a node's process cleanly (SIGTERM): it closes its connection; true if it exited by itself. */
  boolean stopNode(String site) throws InterruptedException {
    return nodes.remove(site).stopCleanly();
  }

  /** Kills a node's process at once (SIGKILL), as a crash or power loss would. */
  void killNode(String site) throws InterruptedException {
    nodes.remove(site).kill();
  }

  /** Stops nodes, then the coordinator; returns the names of processes that did not exit cleanly. */
  List<String> stopAll() throws InterruptedException {
    List<String> unclean = new ArrayList<>();
    for (ChildProcess node : nodes.values()) {
      if (!node.stopCleanly()) {
        unclean.add(node.name());
      }
    }
    if (coordinator != null && !coordinator.stopCleanly()) {
      unclean.add(coordinator.name());
    }
    return unclean;
  }

  @Override
  public void close() throws InterruptedException {
    stopAll();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
