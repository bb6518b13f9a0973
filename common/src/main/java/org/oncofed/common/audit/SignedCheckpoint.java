package org.oncofed.common.audit;

import com.google.protobuf.ByteString;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.oncofed.common.tls.SignedDocument;
import org.oncofed.common.tls.TlsIdentity;
import org.oncofed.proto.federation.v1.AuditCheckpoint;

/**
 * A checkpoint as signed by the coordinator: the payload text, the signature over its UTF-8 bytes
 * (ECDSA with SHA-256, DER-encoded, for the EC keys of the project PKI) and the signer's certificate
 * chain in PEM. Nothing here is trusted until {@link CheckpointVerifier} has checked it.
 */
public final class SignedCheckpoint {

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
    try {
      SignedDocument signed = SignedDocument.sign(checkpoint.payload(), identity);
      return new SignedCheckpoint(signed.payload(), signed.signature(), signed.certificatePem());
    } catch (IllegalArgumentException | IllegalStateException e) {
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
    return document().certificates();
  }

  /** The payload, signature and certificates as a signed document. */
  SignedDocument document() {
    return new SignedDocument(payload, signature, certificatePem);
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
