package org.oncofed.common.audit;

import com.google.protobuf.ByteString;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.oncofed.common.tls.TlsIdentity;
import org.oncofed.proto.federation.v1.AuditCheckpoint;

/**
 * A checkpoint as signed by the coordinator: the payload text, the signature over its UTF-8 bytes
 * (ECDSA with SHA-256, DER-encoded, for the EC keys of the project PKI) and the signer's certificate
 * chain in PEM. Nothing here is trusted until {@link CheckpointVerifier} has checked it.
 */
public final class SignedCheckpoint {

  private static final Base64.Encoder PEM_BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

  private final String payload;
  private final byte[] signature;
  private final String certificatePem;

  public SignedCheckpoint(String payload, byte[] signature, String certificatePem) {
    this.payload = Objects.requireNonNull(payload, "payload");
    this.signature = Objects.requireNonNull(signature, "signature").clone();
    this.certificatePem = Objects.requireNonNull(certificatePem, "certificatePem");
  }

  /** Signs a checkpoint with the identity's private key, attaching its certificate chain. */
  public static SignedCheckpoint sign(Checkpoint checkpoint, TlsIdentity identity) {
    String payload = checkpoint.payload();
    String algorithm = TlsIdentity.signatureAlgorithm(identity.privateKey());
    if (algorithm == null) {
      throw new IllegalArgumentException("cannot sign checkpoints with a " + identity.privateKey().getAlgorithm() + " key");
    }
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(identity.privateKey());
      signer.update(payload.getBytes(StandardCharsets.UTF_8));
      return new SignedCheckpoint(payload, signer.sign(), pem(identity.chain()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign checkpoint " + checkpoint.number() + ": " + e.getMessage(), e);
    }
  }

  public static SignedCheckpoint fromProto(AuditCheckpoint message) {
    return new SignedCheckpoint(message.getPayload().toStringUtf8(), message.getSignature().toByteArray(),
        message.getSignerCertificatePem());
  }

  public AuditCheckpoint toProto() {
    return AuditCheckpoint.newBuilder()
        .setPayload(ByteString.copyFromUtf8(payload))
        .setSignature(ByteString.copyFrom(signature))
        .setSignerCertificatePem(certificatePem)
        .build();
  }

  public String payload() {
    return payload;
  }

  public byte[] signature() {
    return signature.clone();
  }

  public String signatureBase64() {
    return Base64.getEncoder().encodeToString(signature);
  }

  public String certificatePem() {
    return certificatePem;
  }

  /** The checkpoint the payload states, unverified; fails if the payload is malformed. */
  public Checkpoint checkpoint() {
    return Checkpoint.fromPayload(payload);
  }

  /** The signer's certificate chain, leaf first; fails if the PEM holds no certificate. */
  public List<X509Certificate> certificates() {
    try {
      List<X509Certificate> chain = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)))
          .stream()
          .map(X509Certificate.class::cast)
          .toList();
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("signer certificate PEM holds no certificate");
      }
      return chain;
    } catch (CertificateException e) {
      throw new IllegalArgumentException("signer certificate is not a PEM X.509 certificate: " + e.getMessage(), e);
    }
  }

  static String pem(List<X509Certificate> chain) {
    StringBuilder pem = new StringBuilder();
    for (X509Certificate certificate : chain) {
      try {
        pem.append("-----BEGIN CERTIFICATE-----\n")
            .append(PEM_BASE64.encodeToString(certificate.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      } catch (CertificateEncodingException e) {
        throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
      }
    }
    return pem.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SignedCheckpoint that
        && payload.equals(that.payload)
        && Arrays.equals(signature, that.signature)
        && certificatePem.equals(that.certificatePem);
  }

  @Override
  public int hashCode() {
    return Objects.hash(payload, Arrays.hashCode(signature), certificatePem);
  }

  @Override
  public String toString() {
    return "SignedCheckpoint" + payload;
  }
}
