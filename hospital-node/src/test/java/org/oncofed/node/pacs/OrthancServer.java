package org.oncofed.node.pacs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A real PACS for tests: Debian's Orthanc with its DICOMweb plugin, started on a free port with
 * its own storage, HTTP Basic authentication, no DICOM listener and no remote access (it answers
 * loopback clients only), and stopped by {@link #close}.
 */
final class OrthancServer implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/sbin/Orthanc");
  static final Path DICOMWEB_PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");
  static final String USER = "oncofed";
  static final String PASSWORD = "pacs-secret";

  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private OrthancServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts Orthanc in {@code work}; skips the test when Orthanc or its DICOMweb plugin is not installed. */
  static OrthancServer start(Path work) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(BINARY) && Files.exists(DICOMWEB_PLUGIN),
        "Orthanc with its DICOMweb plugin is not installed (Debian packages orthanc, orthanc-dicomweb)");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path config = work.resolve("orthanc.json");
    Files.writeString(config, """
        {"Name": "oncofed-test", "StorageDirectory": "%s", "IndexDirectory": "%s",
         "HttpPort": %d, "DicomServerEnabled": false, "RemoteAccessAllowed": false,
         "AuthenticationEnabled": true, "RegisteredUsers": {"%s": "%s"},
         "Plugins": ["%s"], "DicomWeb": {"Enable": true, "Root": "/dicom-web/"}}
        """.formatted(work.resolve("storage"), work.resolve("index"), port, USER, PASSWORD, DICOMWEB_PLUGIN));
    Process process = new ProcessBuilder(BINARY.toString(), config.toString())
        .redirectErrorStream(true).redirectOutput(work.resolve("orthanc.log").toFile()).start();
    OrthancServer server = new OrthancServer(process, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!server.answers()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        server.close();
        throw new IOException("Orthanc did not start: " + Files.readString(work.resolve("orthanc.log")));
      }
      Thread.sleep(100);
    }
    return server;
  }

  URI dicomWeb() {
    return URI.create("http://127.0.0.1:" + port + "/dicom-web");
  }

  /** Stores a DICOM file through Orthanc's own REST API, as a modality would send it. */
  void store(Path file) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request("/instances")
        .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("Orthanc refused " + file.getFileName() + ": " + response.body());
    }
  }

  /** Instances Orthanc holds. */
  int instanceCount() throws IOException, InterruptedException {
    String body = http.send(request("/statistics").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    return Integer.parseInt(body.replaceAll("(?s).*\"CountInstances\"\\s*:\\s*(\\d+).*", "$1"));
  }

  private boolean answers() {
    try {
      return http.send(request("/system").timeout(Duration.ofSeconds(2)).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
