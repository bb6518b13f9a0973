package org.oncofed.bench.federation;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oncofed.bench.process.WorkerMain;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.common.cli.ServiceRunner;
import org.oncofed.node.NodeCommand;

/**
 * Child JVM running several real hospital nodes, each started as {@code node run} starts one (its
 * own configuration file, data folder and site certificate), side by side in one process so that
 * twenty of them fit on a small machine. Its class path has no coordinator classes. Answers
 * {@code ready <nodes>} once every node has started, then waits for {@code quit}.
 *
 * <p>Arguments: the CA certificate, the revocation list, the coordinator's federation port, then
 * four per node: site, data folder, certificate, private key.
 */
public final class NodeHost {

  private NodeHost() {}

  public static void main(String[] args) throws Exception {
    WorkerMain worker = WorkerMain.claimStandardOutput();
    Path ca = Path.of(args[0]);
    Path crl = Path.of(args[1]);
    int port = Integer.parseInt(args[2]);
    List<ApplicationContext> nodes = new ArrayList<>();
    try {
      for (int i = 3; i + 3 < args.length; i += 4) {
        String site = args[i];
        Path dataDir = Path.of(args[i + 1]);
        Path config = Files.writeString(dataDir.resolve("node.yml"), String.join("\n",
            "micronaut:",
            "  server:",
            "    port: -1",
            "oncofed:",
            "  node:",
            "    data-dir: " + dataDir,
            "    link:",
            "      coordinator: localhost:" + port,
            "      initial-backoff: 250ms",
            "      max-backoff: 5s",
            "    policy:",
            "      pre-approve:",
            "        researchers: " + RoundOverheadBench.RESEARCHER,
            "  tls:",
            "    certificate: " + args[i + 2],
            "    private-key: " + args[i + 3],
            "    ca: " + ca,
            "    crl: " + crl,
            ""));
        ApplicationContext node = ServiceRunner.start("node " + site, NodeCommand.class, List.of(config), System.err);
        if (node == null) {
          throw new IllegalStateException("node " + site + " did not start; see the log above");
        }
        nodes.add(node);
      }
      worker.answer("ready " + nodes.size());
      worker.serve(command -> {
        throw new IllegalArgumentException("unknown command '" + command + "', expected quit");
      });
    } finally {
      nodes.forEach(ApplicationContext::close);
    }
  }

  /** Arguments for nodes given as site to data folder, with certificates from {@code pki}. */
  static List<String> arguments(DevPki pki, int port, Map<String, Path> dataDirs,
      Map<String, Credential> credentials) {
    List<String> arguments = new ArrayList<>(List.of(pki.caCertificate().toString(), pki.crl().toString(),
        Integer.toString(port)));
    for (var node : dataDirs.entrySet()) {
      Credential credential = credentials.get(node.getKey());
      arguments.addAll(List.of(node.getKey(), node.getValue().toString(), credential.certificate().toString(),
          credential.privateKey().toString()));
    }
    return arguments;
  }
}
