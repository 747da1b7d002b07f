package app.premia.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Premia's production code keeps the boundaries stated in {@link ArchitectureRules}. */
class ArchitectureTest {

  private static JavaClasses production;

  @BeforeAll
  static void importProductionCode() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.premia");
  }

  @Test
  void theImportSeesTheCode() {
    // guards against a rule passing because it looked at nothing
    assertFalse(production.isEmpty());
    assertFalse(production.that(resideInAPackage("app.premia.platform..")).isEmpty());
    assertFalse(production.that(resideInAPackage("app.premia.*.domain..")).isEmpty());
  }

  @TestFactory
  Stream<DynamicTest> everyRuleHolds() {
    return ArchitectureRules.all("app.premia").stream()
        .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> check(rule)));
  }

  private static void check(ArchRule rule) {
    rule.check(production);
  }
}
