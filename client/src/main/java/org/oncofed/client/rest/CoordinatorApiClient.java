package org.oncofed.client.rest;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.api.ExperimentReport;
import org.oncofed.api.ExperimentView;
import org.oncofed.api.NodeView;
import org.oncofed.api.ReleaseRequest;
import org.oncofed.api.ReleaseView;
import org.oncofed.common.hash.Sha256;
import org.oncofed.common.tls.JdkTls;
import org.oncofed.common.tls.ProjectPki;
import org.oncofed.common.tls.RefusalListener;

/**
 * HTTPS client of the coordinator's REST API for people (researchers, auditors, admins), presenting
 * their certificate. Used by the command-line tools and the demo.
 */
public final class CoordinatorApiClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final HttpClient http;
  // The coordinator leaves out empty lists and maps; they read as empty rather than null.
  private final ObjectMapper json = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
      .withConfigOverride(Map.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
      .build();

  public CoordinatorApiClient(URI base, HttpClient http) {
    this.base = Objects.requireNonNull(base, "base");
    this.http = Objects.requireNonNull(http, "http");
  }

  /** A client presenting the given PEM certificate and key, trusting only the project CA. */
  public static CoordinatorApiClient connect(URI base, Path certificate, Path privateKey, Path ca) {
    ProjectPki pki = ProjectPki.load(certificate, privateKey, ca, null, Clock.systemUTC());
    HttpClient http = HttpClient.newBuilder()
        .sslContext(JdkTls.clientContext(pki.identity(), pki.trustManager(RefusalListener.NONE)))
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    return new CoordinatorApiClient(base, http);
  }

  public List<NodeView> nodes() throws IOException, InterruptedException {
    return json.readValue(get("/api/nodes"), new TypeReference<>() {});
  }

  public ExperimentView createExperiment(ExperimentConfig config) throws IOException, InterruptedException {
    return createExperiment(json.writeValueAsString(config));
  }

  /** Creates an experiment from configuration JSON as written, so that the coordinator alone judges it. */
  public ExperimentView createExperiment(String configJson) throws IOException, InterruptedException {
    return json.readValue(send("POST", "/api/experiments", configJson), ExperimentView.class);
  }

  public ExperimentView startExperiment(String id) throws IOException, InterruptedException {
    return json.readValue(send("POST", "/api/experiments/" + id + "/start", ""), ExperimentView.class);
  }

  public ExperimentView cancelExperiment(String id) throws IOException, InterruptedException {
    return json.readValue(send("POST", "/api/experiments/" + id + "/cancel", ""), ExperimentView.class);
  }

  public ExperimentView experiment(String id) throws IOException, InterruptedException {
    return json.readValue(get("/api/experiments/" + id), ExperimentView.class);
  }

  public List<ExperimentView.Summary> experiments() throws IOException, InterruptedException {
    return json.readValue(get("/api/experiments"), new TypeReference<>() {});
  }

  public ExperimentReport report(String id) throws IOException, InterruptedException {
    return json.readValue(get("/api/experiments/" + id + "/report"), ExperimentReport.class);
  }

  /** The report JSON exactly as the coordinator sent it, for saving to a file. */
  public String reportJson(String id) throws IOException, InterruptedException {
    return get("/api/experiments/" + id + "/report");
  }

  public String reportHtml(String id) throws IOException, InterruptedException {
    return get("/api/experiments/" + id + "/report.html", "text/html");
  }

  /** Downloads the experiment's best global model (F32_LE_V1 parameters) to a file; returns its SHA-256. */
  public String downloadModel(String id, Path target) throws IOException, InterruptedException {
    HttpResponse<Path> response = http.send(
        HttpRequest.newBuilder(base.resolve("/api/experiments/" + id + "/model")).timeout(TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofFile(target));
    if (response.statusCode() != 200) {
      throw new ApiException(response.statusCode(), "GET /api/experiments/" + id + "/model", null);
    }
    String expected = response.headers().firstValue("X-OncoFed-Model-Sha256").orElse("");
    String actual = Sha256.hex(target);
    if (!actual.equals(expected)) {
      throw new IOException("downloaded model hashes to " + actual + ", the coordinator announced " + expected);
    }
    return actual;
  }

  /** Releases a global model of a completed experiment (its result model when {@code modelSha256} is null). */
  public ReleaseView releaseModel(String id, String name, String modelSha256) throws IOException, InterruptedException {
    return json.readValue(send("POST", "/api/experiments/" + id + "/releases",
        json.writeValueAsString(new ReleaseRequest(name, modelSha256))), ReleaseView.class);
  }

  public List<ReleaseView> releases() throws IOException, InterruptedException {
    return json.readValue(get("/api/releases"), new TypeReference<>() {});
  }

  /** Uploads pretrained weights as the experiment's initial model. */
  public ExperimentView uploadInitialModel(String id, Path weights) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(base.resolve("/api/experiments/" + id + "/initial-model"))
            .timeout(Duration.ofMinutes(5))
            .header("Content-Type", "application/octet-stream")
            .header("Accept", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofFile(weights))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    return json.readValue(ensureOk(response), ExperimentView.class);
  }

  /**
   * Downloads the audit export (auditor certificate required) into {@code out}, streaming it.
   *
   * @return the number of bytes written
   */
  public long exportAudit(Path out) throws IOException, InterruptedException {
    Objects.requireNonNull(out, "out");
    Path partial = out.resolveSibling(out.getFileName() + ".part");
    HttpResponse<Path> response = http.send(
        HttpRequest.newBuilder(base.resolve("/api/audit/export")).timeout(Duration.ofMinutes(30)).GET()
            .header("Accept", "application/x-ndjson").build(),
        HttpResponse.BodyHandlers.ofFile(partial));
    if (response.statusCode() / 100 != 2) {
      String body = Files.readString(partial);
      Files.deleteIfExists(partial);
      throw new ApiException(response.statusCode(), "GET /api/audit/export", body);
    }
    Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
    return Files.size(out);
  }

  /** The body of a GET as the coordinator sent it (JSON for the API's endpoints), for printing or saving. */
  public String get(String path) throws IOException, InterruptedException {
    return get(path, "application/json");
  }

  private String get(String path, String accept) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofString());
    return ensureOk(response);
  }

  private String send(String method, String path, String body) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    return ensureOk(response);
  }

  private static String ensureOk(HttpResponse<String> response) throws ApiException {
    if (response.statusCode() / 100 != 2) {
      throw new ApiException(response.statusCode(), response.request().method() + " " + response.uri().getPath(), response.body());
    }
    return response.body();
  }
}
