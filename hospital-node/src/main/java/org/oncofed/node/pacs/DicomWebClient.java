package org.oncofed.node.pacs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A read-only DICOMweb client (PS3.18): QIDO-RS searches and WADO-RS instance retrieval. It sends
 * only GET requests, so nothing on the PACS is ever changed or deleted.
 */
final class DicomWebClient {

  /** Largest instance accepted from the PACS; a CT slice is well under a megabyte. */
  static final long MAX_INSTANCE_BYTES = 512L << 20;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PacsConnection connection;
  private final HttpClient http;

  DicomWebClient(PacsConnection connection) {
    this.connection = connection;
    // HTTP/1.1: some PACS web servers close the connection on an HTTP/2 upgrade request.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connection.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * A QIDO-RS search, such as {@code studies} or {@code studies/UID/series}, with matching keys;
   * each result is a DICOM JSON object (PS3.18 F.2).
   */
  List<DicomJson> search(String resource, Map<String, String> keys) throws IOException, InterruptedException {
    String query = keys.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpResponse<byte[]> response = get(resource + (query.isEmpty() ? "" : "?" + query), "application/dicom+json");
    if (response.statusCode() == 204 || response.body().length == 0) {
      return List.of();
    }
    JsonNode results = JSON.readTree(response.body());
    if (!results.isArray()) {
      throw new IOException("the PACS answered " + resource + " with JSON that is not a list of results");
    }
    List<DicomJson> matches = new ArrayList<>();
    results.forEach(result -> matches.add(new DicomJson(result)));
    return matches;
  }

  /** One instance as a DICOM Part 10 file, in the transfer syntax the PACS stored it in. */
  byte[] retrieve(String studyUid, String seriesUid, String instanceUid) throws IOException, InterruptedException {
    String resource = "studies/" + studyUid + "/series/" + seriesUid + "/instances/" + instanceUid;
    HttpResponse<byte[]> response = get(resource, "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    List<byte[]> parts = MultipartRelated.parts(response.body(), MultipartRelated.boundary(contentType));
    if (parts.size() != 1) {
      throw new IOException("the PACS answered instance " + instanceUid + " with " + parts.size() + " parts, expected 1");
    }
    return parts.get(0);
  }

  private HttpResponse<byte[]> get(String resource, String accept) throws IOException, InterruptedException {
    URI uri = URI.create(connection.url() + "/" + resource);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(connection.timeout()).header("Accept", accept).GET();
    connection.username().ifPresent(user -> request.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + connection.password().orElse("")).getBytes(StandardCharsets.UTF_8))));
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IOException("cannot reach the PACS at " + connection.url() + ": " + e.getMessage(), e);
    }
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new IOException("the PACS refused the credentials (HTTP " + response.statusCode() + ") for " + uri.getPath());
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException("the PACS answered HTTP " + response.statusCode() + " for " + uri.getPath());
    }
    if (response.body().length > MAX_INSTANCE_BYTES) {
      throw new IOException("the PACS answered " + uri.getPath() + " with " + response.body().length
          + " bytes, more than the " + MAX_INSTANCE_BYTES + " accepted");
    }
    return response;
  }
}
