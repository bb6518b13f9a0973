package org.oncofed.certs;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

@Command(
    name = "add-user",
    description = "Issues a user's client certificate with the role researcher, auditor or admin.")
final class AddUserCommand extends PkiSubcommand {

  @Parameters(
      paramLabel = "NAME",
      description = "User name: 1-63 of a-z, 0-9 and '-', starting with a letter or digit.")
  private String name;

  @Option(
      names = "--role",
      required = true,
      paramLabel = "ROLE",
      converter = UserRoleConverter.class,
      description = "researcher, auditor or admin.")
  private Role role;

  @Override
  void execute() {
    printCredential(role.ou(), DevPki.open(dir).addUser(name, role));
  }

  static final class UserRoleConverter implements ITypeConverter<Role> {
    @Override
    public Role convert(String value) {
      for (Role candidate : Role.values()) {
        if (candidate.isUserRole() && candidate.ou().equals(value)) {
          return candidate;
        }
      }
      throw new TypeConversionException(
          "expected researcher, auditor or admin, found '" + value + "'");
    }
  }
}
