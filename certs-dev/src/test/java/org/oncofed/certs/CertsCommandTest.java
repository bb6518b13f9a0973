package org.oncofed.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code certs} command line end to end: exit codes, output and error messages. */
class CertsCommandTest {

  @TempDir Path work;

  private Path pki() {
    return work.resolve("pki");
  }

  @Test
  void initCreatesThePkiAndSaysWhereItIs() {
    Run run = certs("init", "--san", "coord.example", "--san", "10.0.0.5");

    assertThat(run.exitCode).isZero();
    assertThat(run.err).isEmpty();
    assertThat(run.out)
        .contains(pki().resolve("ca.pem").toString())
        .contains(pki().resolve("coordinator.pem").toString())
        .contains("localhost, 127.0.0.1, 0:0:0:0:0:0:0:1, coord.example, 10.0.0.5")
        .contains("development only");
    assertThat(DevPki.open(pki()).list())
        .extracting(IssuedCertificate::name)
        .containsExactly("coordinator");
  }

  @Test
  void initTwiceFailsNamingTheExistingCaFile() {
    certs("init");

    Run again = certs("init");

    assertThat(again.exitCode).isEqualTo(1);
    assertThat(again.err)
        .contains("a CA already exists: " + pki().resolve("ca.pem"))
        .contains("--force");
    assertThat(certs("init", "--force").exitCode).isZero();
  }

  @Test
  void initRejectsAnInvalidSanWithAUsageError() {
    Run run = certs("init", "--san", "not a host");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("invalid subject alternative name 'not a host'");
  }

  @Test
  void addSiteIssuesTheSiteCertificate() {
    certs("init");

    Run run = certs("add-site", "site-a");

    assertThat(run.exitCode).isZero();
    assertThat(run.out)
        .contains(pki().resolve("sites/site-a.pem").toString())
        .contains(pki().resolve("sites/site-a-key.pem").toString())
        .contains("CN=site-a,OU=node,O=OncoFed");
  }

  @Test
  void addSiteRejectsAnInvalidSiteIdWithAUsageError() {
    certs("init");

    Run run = certs("add-site", "Site_A");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err)
        .contains("error: invalid site id 'Site_A': expected 1 to 63 characters")
        .contains("oncofed certs add-site --help");
  }

  @Test
  void addSiteRefusesANameAlreadyIssued() {
    certs("init");
    certs("add-site", "site-a");

    Run run = certs("add-site", "site-a");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains("site-a is already issued").contains("revoke it");
  }

  @Test
  void addUserIssuesACertificateWithTheRole() {
    certs("init");

    Run run = certs("add-user", "alice", "--role", "auditor");

    assertThat(run.exitCode).isZero();
    assertThat(run.out).contains("CN=alice,OU=auditor,O=OncoFed");
  }

  @Test
  void addUserRejectsARoleThatIsNotAUserRole() {
    certs("init");

    for (String role : List.of("node", "coordinator", "Researcher")) {
      Run run = certs("add-user", "alice", "--role", role);

      assertThat(run.exitCode).as(role).isEqualTo(2);
      assertThat(run.err)
          .as(role)
          .contains("expected researcher, auditor or admin, found '" + role + "'");
    }
    assertThat(certs("add-user", "alice").err).contains("Missing required option: '--role=ROLE'");
  }

  @Test
  void revokeThenListShowsTheCertificateRevoked() {
    certs("init");
    certs("add-site", "site-a");
    certs("add-site", "site-b");

    Run revoke = certs("revoke", "site-a", "--reason", "key-compromise");
    Run list = certs("list");

    assertThat(revoke.exitCode).isZero();
    assertThat(revoke.out).contains("Revoked site-a").contains("1 revoked certificate(s)");
    assertThat(list.exitCode).isZero();
    List<String> lines = list.out.lines().toList();
    assertThat(lines.get(0)).matches("NAME +ROLE +SERIAL +NOT-AFTER +STATUS");
    assertThat(lines.get(1)).matches("coordinator +coordinator +[0-9A-F]+ +\\S+Z +valid");
    assertThat(lines.get(2)).matches("site-a +node +[0-9A-F]+ +\\S+Z +revoked \\S+Z");
    assertThat(lines.get(3)).matches("site-b +node +[0-9A-F]+ +\\S+Z +valid");
  }

  @Test
  void revokeRejectsUnknownNamesAndReasons() {
    certs("init");

    Run unknownName = certs("revoke", "site-z");
    Run unknownReason = certs("revoke", "coordinator", "--reason", "lost");

    assertThat(unknownName.exitCode).isEqualTo(1);
    assertThat(unknownName.err).contains("no certificate named 'site-z'");
    assertThat(unknownReason.exitCode).isEqualTo(2);
    assertThat(unknownReason.err).contains("unknown revocation reason 'lost'");
  }

  @Test
  void crlReissuesTheRevocationListWithTheNextNumber() {
    certs("init");

    Run run = certs("crl");

    assertThat(run.exitCode).isZero();
    assertThat(run.out).contains("CRL number 2");
  }

  @Test
  void badWritesEveryNegativeTestCertificate() {
    certs("init");

    Run run = certs("bad");

    assertThat(run.exitCode).isZero();
    for (String file :
        List.of(
            "self-signed-node",
            "other-ca-node",
            "other-ca",
            "expired-node",
            "wrong-san-coordinator")) {
      assertThat(pki().resolve("bad/" + file + ".pem")).isRegularFile();
      assertThat(run.out).contains(pki().resolve("bad/" + file + ".pem").toString());
    }
  }

  @Test
  void commandsOnADirectoryWithoutAPkiSayHowToCreateOne() {
    for (String command : List.of("add-site", "list", "bad", "crl")) {
      List<String> args = new ArrayList<>(List.of(command));
      if (command.equals("add-site")) {
        args.add("site-a");
      }
      Run run = certs(args.toArray(String[]::new));

      assertThat(run.exitCode).as(command).isEqualTo(1);
      assertThat(run.err)
          .as(command)
          .contains("is not an OncoFed PKI")
          .contains("create one with init");
    }
  }

  @Test
  void missingOrUnknownSubcommandIsAUsageError() {
    assertThat(new Run(new CommandLine(new CertsCommand()), new String[0]).exitCode).isEqualTo(2);
    Run unknown = new Run(new CommandLine(new CertsCommand()), new String[] {"mint"});
    assertThat(unknown.exitCode).isEqualTo(2);
    assertThat(unknown.err).contains("mint");
  }

  @Test
  void helpListsEverySubcommand() {
    Run run = new Run(new CommandLine(new CertsCommand()), new String[] {"--help"});

    assertThat(run.exitCode).isZero();
    assertThat(run.out).contains("init", "add-site", "add-user", "revoke", "list", "crl", "bad");
  }

  /** Runs {@code certs} with {@code --dir} pointing into this test's folder. */
  private Run certs(String... args) {
    String[] withDir = Arrays.copyOf(args, args.length + 2);
    withDir[args.length] = "--dir";
    withDir[args.length + 1] = pki().toString();
    return new Run(new CommandLine(new CertsCommand()), withDir);
  }

  private static final class Run {
    final int exitCode;
    final String out;
    final String err;

    Run(CommandLine commandLine, String[] args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      this.exitCode = commandLine.execute(args);
      this.out = out.toString();
      this.err = err.toString();
    }
  }
}
