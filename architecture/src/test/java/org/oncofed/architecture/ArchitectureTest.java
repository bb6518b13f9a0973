package org.oncofed.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The architecture every module keeps, read from the compiled main classes (tests excluded):
 * a failing rule names each offending dependency, class and line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

  /** The root package of each module whose code is ours. */
  private static final List<String> MODULES = List.of(
      "org.oncofed.common", "org.oncofed.api", "org.oncofed.dicom", "org.oncofed.certs",
      "org.oncofed.coordinator", "org.oncofed.client", "org.oncofed.synthetic", "org.oncofed.node",
      "org.oncofed.demo", "org.oncofed.bench");

  /** Libraries a server needs and a client must not carry. */
  private static final String[] SERVER_LIBRARIES = {
      "io.micronaut..", "io.grpc..", "io.netty..", "org.nd4j..", "org.deeplearning4j..", "org.bytedeco..",
      "org.h2..", "org.postgresql..", "org.flywaydb..", "com.zaxxer.."};

  private JavaClasses classes;

  @BeforeAll
  void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.oncofed");
  }

  @TestFactory
  List<DynamicTest> packagesOfEveryModuleFormAOneWayGraph() {
    return MODULES.stream()
        .map(module -> DynamicTest.dynamicTest(module, () -> {
          assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(module)))
              .as("classes of %s were imported", module).isTrue();
          slices()
              .assignedFrom(topPackagesOf(module))
              .should().beFreeOfCycles()
              .because("a newcomer reads a module from its edges down")
              // A module of one package has nothing to form a cycle with.
              .allowEmptyShould(true)
              .check(classes);
        }))
        .toList();
  }

  @Test
  void commonAndTheWireContractsDependOnNothingAboveThem() {
    noClasses().that().resideInAnyPackage("org.oncofed.common..", "org.oncofed.proto..", "org.oncofed.api..")
        .should().dependOnClassesThat().resideInAnyPackage("org.oncofed.coordinator..", "org.oncofed.node..",
            "org.oncofed.client..", "org.oncofed.dicom..", "org.oncofed.synthetic..", "org.oncofed.certs..",
            "org.oncofed.demo..", "org.oncofed.bench..")
        .because("every module builds on them")
        .check(classes);
    noClasses().that().resideInAPackage("org.oncofed.proto..")
        .should().dependOnClassesThat().resideInAnyPackage("org.oncofed.common..", "org.oncofed.api..")
        .because("proto is the gRPC contract alone")
        .check(classes);
  }

  @Test
  void theClientCarriesNoServerLibrary() {
    noClasses().that().resideInAPackage("org.oncofed.client..")
        .should().dependOnClassesThat().resideInAnyPackage(SERVER_LIBRARIES)
        .orShould().dependOnClassesThat().resideInAnyPackage("org.oncofed.coordinator..", "org.oncofed.node..")
        .because("researchers and auditors run it on their own machines, talking to the REST API only")
        .check(classes);
  }

  @Test
  void theNodeDoesNotShipTheSyntheticGenerator() {
    noClasses().that().resideInAPackage("org.oncofed.node..")
        .should().dependOnClassesThat().resideInAPackage("org.oncofed.synthetic..")
        .because("synthetic sites are development tooling, not part of a hospital's node")
        .check(classes);
  }

  /** Each class by the package right under the module's, the module's own package being one too. */
  private static SliceAssignment topPackagesOf(String module) {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (name.equals(module)) {
          return SliceIdentifier.of(module);
        }
        if (!name.startsWith(module + ".")) {
          return SliceIdentifier.ignore();
        }
        String rest = name.substring(module.length() + 1);
        return SliceIdentifier.of(module + "." + (rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest));
      }

      @Override
      public String getDescription() {
        return "the packages of " + module;
      }
    };
  }
}
