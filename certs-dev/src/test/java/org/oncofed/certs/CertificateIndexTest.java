package org.oncofed.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateIndexTest {

  private static final Instant NOT_BEFORE = Instant.parse("2030-01-01T00:00:00Z");
  private static final Instant NOT_AFTER = Instant.parse("2031-01-01T00:05:00Z");

  @TempDir Path dir;

  @Test
  void writesOneTabSeparatedLinePerCertificateAfterAHeader() throws Exception {
    Path file = dir.resolve("index.tsv");
    List<IssuedCertificate> entries =
        List.of(
            IssuedCertificate.valid(
                new BigInteger("0a1b", 16), "site-a", Role.NODE, NOT_BEFORE, NOT_AFTER),
            IssuedCertificate.valid(BigInteger.TEN, "alice", Role.AUDITOR, NOT_BEFORE, NOT_AFTER)
                .revoke(Instant.parse("2030-06-01T08:00:00Z"), RevocationReason.KEY_COMPROMISE));

    CertificateIndex.write(file, entries);

    assertThat(Files.readAllLines(file))
        .containsExactly(
            "# serial\tname\trole\tnotBefore\tnotAfter\tstatus\trevokedAt\treason",
            "0A1B\tsite-a\tnode\t2030-01-01T00:00:00Z\t2031-01-01T00:05:00Z\tvalid\t-\t-",
            "0A\talice\tauditor\t2030-01-01T00:00:00Z\t2031-01-01T00:05:00Z\trevoked"
                + "\t2030-06-01T08:00:00Z\tkey-compromise");
    assertThat(CertificateIndex.read(file)).isEqualTo(entries);
  }

  @Test
  void serialHexHasTwoDigitsPerByteWithoutTheSignByte() {
    assertThat(IssuedCertificate.formatSerial(new BigInteger("ff00", 16))).isEqualTo("FF00");
    assertThat(IssuedCertificate.formatSerial(new BigInteger("abc", 16))).isEqualTo("0ABC");
  }

  @Test
  void reportsTheFileAndLineOfAMalformedEntry() throws Exception {
    Path file = dir.resolve("index.tsv");
    Files.writeString(
        file,
        CertificateIndex.HEADER
            + "\n"
            + "0A\tsite-a\tnode\t2030-01-01T00:00:00Z\t2031-01-01T00:00:00Z\tvalid\t-\t-\n"
            + "0B\tsite-b\tnurse\t2030-01-01T00:00:00Z\t2031-01-01T00:00:00Z\tvalid\t-\t-\n");

    assertThatThrownBy(() -> CertificateIndex.read(file))
        .isInstanceOf(PkiException.class)
        .hasMessageStartingWith(file + " line 3: unknown role 'nurse'");
  }

  @Test
  void rejectsALineWithTheWrongNumberOfColumns() throws Exception {
    Path file = dir.resolve("index.tsv");
    Files.writeString(file, "0A\tsite-a\tnode\n");

    assertThatThrownBy(() -> CertificateIndex.read(file))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining("line 1: expected 8 tab-separated columns, found 3");
  }

  @Test
  void rejectsARevokedEntryWithoutItsRevocationTime() {
    assertThatThrownBy(
            () ->
                new IssuedCertificate(
                    BigInteger.ONE,
                    "x",
                    Role.NODE,
                    NOT_BEFORE,
                    NOT_AFTER,
                    IssuedCertificate.Status.REVOKED,
                    null,
                    RevocationReason.UNSPECIFIED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs revokedAt and reason exactly when revoked");
  }
}
