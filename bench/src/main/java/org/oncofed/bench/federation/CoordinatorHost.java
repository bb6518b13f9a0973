package org.oncofed.bench.federation;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.oncofed.bench.process.WorkerMain;
import org.oncofed.certs.DevPki;
import org.oncofed.common.TumourClass;
import org.oncofed.common.cli.ServiceRunner;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.common.model.GlobalModelProvenance;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.common.model.RuntimeEnvironment;
import org.oncofed.common.tls.GrpcTls;
import org.oncofed.common.tls.ProjectPki;
import org.oncofed.common.tls.RefusalListener;
import org.oncofed.coordinator.CoordinatorCommand;
import org.oncofed.coordinator.federation.FederationServer;
import org.oncofed.coordinator.model.ModelKind;
import org.oncofed.coordinator.model.ModelStore;

/**
 * Child JVM running a real coordinator (started as {@code coordinator run} starts it, from a
 * configuration file, on free loopback ports) next to the bare baseline service on the same TLS
 * credentials. Its class path has no node classes. Answers {@code ready <federation port> <https
 * port> <bare port>}, then serves the transfer benchmark's commands: {@code model <bytes>} stores a
 * random model, {@code open <round> <site,...>} opens a round of training tasks for it and answers
 * {@code site=taskId ...}, {@code close <round>} aggregates it.
 *
 * <p>Arguments: coordinator data folder, development PKI folder.
 */
public final class CoordinatorHost {

  static final String EXPERIMENT = "bench-transfer";

  private CoordinatorHost() {}

  public static void main(String[] args) throws Exception {
    WorkerMain worker = WorkerMain.claimStandardOutput();
    Path dataDir = Path.of(args[0]);
    DevPki pki = DevPki.open(Path.of(args[1]));
    Path config = Files.writeString(Files.createDirectories(dataDir).resolve("coordinator.yml"), String.join("\n",
        "micronaut:",
        "  server:",
        "    ssl:",
        "      port: -1",
        "oncofed:",
        "  coordinator:",
        "    data-dir: " + dataDir.resolve("data"),
        "  tls:",
        "    certificate: " + pki.coordinator().certificate(),
        "    private-key: " + pki.coordinator().privateKey(),
        "    ca: " + pki.caCertificate(),
        "    crl: " + pki.crl(),
        "  federation:",
        "    port: 0",
        ""));
    ApplicationContext context = ServiceRunner.start("coordinator", CoordinatorCommand.class, List.of(config), System.err);
    if (context == null) {
      throw new IllegalStateException("the coordinator did not start; see the log above");
    }
    ProjectPki credentials = context.getBean(ProjectPki.class);
    int chunkSize = context.getProperty("oncofed.federation.chunk-size", Integer.class).orElseThrow();
    Server bare = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .sslContext(GrpcTls.serverContext(credentials.identity(), credentials.trustManager(RefusalListener.NONE)))
        .maxInboundMessageSize(context.getProperty("oncofed.federation.max-inbound-message-size", Integer.class)
            .orElseThrow())
        .addService(BareService.definition(chunkSize))
        .build()
        .start();
    Host host = new Host(context);
    worker.answer("ready " + context.getBean(FederationServer.class).port() + " "
        + context.getBean(EmbeddedServer.class).getPort() + " " + bare.getPort());
    try {
      worker.serve(host::handle);
    } finally {
      bare.shutdownNow();
      context.close();
    }
  }

  /** The model the transfer rounds start from and the rounds themselves. */
  private static final class Host {
    private final ApplicationContext context;
    private final TransferRounds rounds;
    private float[] global;
    private String modelSha256;

    Host(ApplicationContext context) {
      this.context = context;
      this.rounds = new TransferRounds(context);
    }

    String handle(String command) {
      String[] words = command.split(" ");
      return switch (words[0]) {
        case "model" -> storeModel(Long.parseLong(words[1]));
        case "open" -> rounds.open(EXPERIMENT, Integer.parseInt(words[1]), modelSha256, global,
                Arrays.asList(words[2].split(",")), Duration.ofHours(1)).entrySet().stream()
            .map(task -> task.getKey() + "=" + task.getValue())
            .collect(Collectors.joining(" "));
        case "close" -> Integer.toString(rounds.close(Integer.parseInt(words[1])));
        default -> throw new IllegalArgumentException("unknown command '" + command + "'");
      };
    }

    private String storeModel(long bytes) {
      global = new float[Math.toIntExact(bytes / Float.BYTES)];
      SplittableRandom random = new SplittableRandom(3);
      for (int i = 0; i < global.length; i++) {
        global[i] = (float) (random.nextGaussian() * 0.05);
      }
      EncodedParameters encoded = EncodedParameters.encode(global);
      ModelSpec spec = new ModelSpec("small-cnn", 64, 1, TumourClass.labels(), 1);
      context.getBean(ModelStore.class).put(EXPERIMENT, 0, ModelKind.GLOBAL, null, encoded,
          GlobalModelProvenance.initial(EXPERIMENT, spec, null, encoded.sha256(), RuntimeEnvironment.capture(),
              System.currentTimeMillis()));
      modelSha256 = encoded.sha256();
      return modelSha256 + " " + global.length;
    }
  }

  static List<String> arguments(Path dataDir, Path pkiDir) {
    return List.of(dataDir.toString(), pkiDir.toString());
  }
}
