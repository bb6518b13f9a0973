package org.oncofed.node.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.oncofed.common.files.SecretKeyFile;

/**
 * Turns patient identifiers into keys that can be stored: HMAC-SHA256 under a secret generated
 * once per node and kept in its data folder. Unlike a plain hash, a key cannot be reversed by
 * hashing every plausible medical record number, and keys from two sites never match.
 */
public final class PatientKeys {

  private static final HexFormat HEX = HexFormat.of();

  private final byte[] secret;

  private PatientKeys(byte[] secret) {
    this.secret = secret;
  }

  /** Loads the node's secret from {@code dataDir/secrets/patient-key}, creating a random one on first use. */
  public static PatientKeys loadOrCreate(Path dataDir) throws IOException {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    return loadOrCreate(dataDir, fresh);
  }

  /**
   * Loads the node's secret, storing {@code secretIfAbsent} (32 bytes) when there is none yet. A
   * chosen secret makes keys, and so the patient splits, the same on every run: for demonstrations
   * on synthetic data, never for real patients.
   */
  public static PatientKeys loadOrCreate(Path dataDir, byte[] secretIfAbsent) throws IOException {
    return new PatientKeys(SecretKeyFile.loadOrCreate(dataDir.resolve("secrets").resolve("patient-key"), "patient-key", secretIfAbsent));
  }

  /** The stored form of a patient identifier (64 hex characters). */
  public String keyFor(String patientIdentifier) {
    Objects.requireNonNull(patientIdentifier, "patientIdentifier");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HEX.formatHex(mac.doFinal(patientIdentifier.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }
}
