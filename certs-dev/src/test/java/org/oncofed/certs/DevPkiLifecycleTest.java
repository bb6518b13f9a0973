package org.oncofed.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Creating, re-opening and extending a PKI on disk. */
class DevPkiLifecycleTest {

  @TempDir Path dir;

  @Test
  void initTwiceRefusesWithoutForceNamingTheCaFileAndLeavesEverythingUntouched() throws Exception {
    DevPki.init(dir, List.of(), false);
    Map<Path, byte[]> before = contents();

    assertThatThrownBy(() -> DevPki.init(dir, List.of("other.example"), false))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining(dir.resolve("ca.pem").toString())
        .hasMessageContaining("--force");

    assertThat(contents()).containsOnlyKeys(before.keySet());
    before.forEach((file, bytes) -> assertThat(read(file)).as(file.toString()).isEqualTo(bytes));
  }

  @Test
  void initRefusesWhenOnlyTheCaKeyRemains() throws Exception {
    DevPki.init(dir, List.of(), false);
    Files.delete(dir.resolve("ca.pem"));

    assertThatThrownBy(() -> DevPki.init(dir, List.of(), false))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining(dir.resolve("ca-key.pem").toString());
  }

  @Test
  void initWithForceReplacesTheCaAndDeletesTheCertificatesOfTheOldOne() throws Exception {
    DevPki old = DevPki.init(dir, List.of(), false);
    old.addSite("site-a");
    old.addUser("alice", Role.ADMIN);
    old.writeBadCredentials();
    byte[] oldCa = read(dir.resolve("ca.pem"));
    Path notOurs = Files.writeString(dir.resolve("sites/notes.txt"), "kept");

    DevPki fresh = DevPki.init(dir, List.of(), true);

    assertThat(read(dir.resolve("ca.pem"))).isNotEqualTo(oldCa);
    assertThat(pemFilesUnder("sites", "users", "bad")).isEmpty();
    assertThat(notOurs).hasContent("kept");
    assertThat(fresh.list()).extracting(IssuedCertificate::name).containsExactly("coordinator");
    fresh.coordinator().x509().verify(Pem.readCertificate(fresh.caCertificate()).getPublicKey());
  }

  @Test
  void initRejectsAnInvalidSanBeforeWritingAnything() {
    Path pkiDir = dir.resolve("pki");

    assertThatThrownBy(() -> DevPki.init(pkiDir, List.of("not a host"), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'not a host'");
    assertThat(pkiDir).doesNotExist();
  }

  @Test
  void addSiteOnAReopenedPkiReusesTheCa() throws Exception {
    DevPki.init(dir, List.of(), false);
    byte[] caBefore = read(dir.resolve("ca.pem"));
    byte[] caKeyBefore = read(dir.resolve("ca-key.pem"));

    Credential site = DevPki.open(dir).addSite("site-a");

    assertThat(read(dir.resolve("ca.pem"))).isEqualTo(caBefore);
    assertThat(read(dir.resolve("ca-key.pem"))).isEqualTo(caKeyBefore);
    site.x509().verify(Pem.readCertificate(dir.resolve("ca.pem")).getPublicKey());
    assertThat(DevPki.open(dir).list())
        .extracting(IssuedCertificate::name)
        .containsExactly("coordinator", "site-a");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Site-a",
        "-site",
        "site_a",
        "site.a",
        "sité",
        "site a",
        "a234567890123456789012345678901234567890123456789012345678901234"
      })
  void rejectsSiteIdsOutsideThePattern(String siteId) {
    DevPki pki = DevPki.init(dir, List.of(), false);

    assertThatThrownBy(() -> pki.addSite(siteId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid site id '" + siteId + "'")
        .hasMessageContaining("expected 1 to 63 characters of a-z, 0-9 and '-'");
    assertThat(dir.resolve("sites")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "0",
        "site-a",
        "hospital-42-",
        "a23456789012345678901234567890123456789012345678901234567890123"
      })
  void acceptsSiteIdsInThePattern(String siteId) {
    DevPki pki = DevPki.init(dir, List.of(), false);

    assertThat(pki.addSite(siteId).x509().getSubjectX500Principal().getName())
        .isEqualTo("CN=" + siteId + ",OU=node,O=OncoFed");
  }

  @Test
  void refusesANameThatIsIssuedAndNotRevokedWhateverItsRole() {
    DevPki pki = DevPki.init(dir, List.of(), false);
    Credential site = pki.addSite("site-a");
    String serial = IssuedCertificate.formatSerial(site.x509().getSerialNumber());

    assertThatThrownBy(() -> pki.addSite("site-a"))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining("site-a is already issued")
        .hasMessageContaining(serial)
        .hasMessageContaining("revoke it");
    assertThatThrownBy(() -> pki.addUser("site-a", Role.RESEARCHER))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining("site-a is already issued (role node");
    assertThatThrownBy(() -> pki.addSite("coordinator"))
        .hasMessageContaining("coordinator is already issued (role coordinator");
  }

  @Test
  void reissuesANameOnceItsCertificateIsRevoked() {
    DevPki pki = DevPki.init(dir, List.of(), false);
    Credential first = pki.addSite("site-a");
    pki.revoke("site-a", null);

    Credential second = pki.addSite("site-a");

    assertThat(second.x509().getSerialNumber()).isNotEqualTo(first.x509().getSerialNumber());
    assertThat(Pem.readCertificate(second.certificate())).isEqualTo(second.x509());
    assertThat(pki.list())
        .filteredOn(entry -> entry.name().equals("site-a"))
        .extracting(IssuedCertificate::status)
        .containsExactly(IssuedCertificate.Status.REVOKED, IssuedCertificate.Status.VALID);
  }

  @Test
  void addUserRefusesServiceRoles() {
    DevPki pki = DevPki.init(dir, List.of(), false);

    for (Role role : List.of(Role.NODE, Role.COORDINATOR)) {
      assertThatThrownBy(() -> pki.addUser("alice", role))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "a user's role must be one of researcher, auditor, admin, found " + role.ou());
    }
  }

  @Test
  void openRefusesADirectoryThatIsNotAPki() throws IOException {
    Files.writeString(dir.resolve("readme.txt"), "nothing here");

    assertThatThrownBy(() -> DevPki.open(dir))
        .isInstanceOf(PkiException.class)
        .hasMessage(
            dir
                + " is not an OncoFed PKI: "
                + dir.resolve("ca.pem")
                + " is missing (create one with init)");
  }

  @Test
  void openRefusesACaKeyThatDoesNotBelongToTheCaCertificate() throws IOException {
    DevPki.init(dir, List.of(), false);
    Files.copy(
        dir.resolve("coordinator-key.pem"),
        dir.resolve("ca-key.pem"),
        StandardCopyOption.REPLACE_EXISTING);

    assertThatThrownBy(() -> DevPki.open(dir))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining("does not belong to CA certificate");
  }

  @Test
  void privateKeysAreOwnerOnlyAndFoldersPrivate() throws IOException {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path pkiDir = dir.resolve("pki");
    DevPki pki = DevPki.init(pkiDir, List.of(), false);
    pki.addSite("site-a");
    pki.addUser("alice", Role.AUDITOR);
    pki.writeBadCredentials();

    List<Path> keys;
    try (Stream<Path> files = Files.walk(pkiDir)) {
      keys =
          files.filter(file -> file.toString().endsWith("-key.pem")).collect(Collectors.toList());
    }
    assertThat(keys).hasSize(8);
    for (Path key : keys) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
          .as(key.toString())
          .isEqualTo("rw-------");
    }
    for (String folder : List.of("", "sites", "users", "bad")) {
      assertThat(
              PosixFilePermissions.toString(Files.getPosixFilePermissions(pkiDir.resolve(folder))))
          .as(folder)
          .isEqualTo("rwx------");
    }
    try (Stream<Path> files = Files.list(pkiDir)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .as("no temporary file is left behind")
          .noneMatch(name -> name.endsWith(".tmp"));
    }
  }

  private Map<Path, byte[]> contents() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .collect(Collectors.toMap(Function.identity(), DevPkiLifecycleTest::read));
    }
  }

  private List<Path> pemFilesUnder(String... folders) throws IOException {
    List<Path> found = new ArrayList<>();
    for (String folder : folders) {
      if (Files.isDirectory(dir.resolve(folder))) {
        try (Stream<Path> files = Files.list(dir.resolve(folder))) {
          files.filter(file -> file.toString().endsWith(".pem")).forEach(found::add);
        }
      }
    }
    return found;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }
}
