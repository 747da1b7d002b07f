package app.premia.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule, run on {@code app.premia.archfixture} (classes written to break it), reports the
 * violation: none of the rules can pass by looking at nothing.
 */
class ArchitectureRulesCanFailTest {

  private static final String FIXTURE = "app.premia.archfixture";
  private static JavaClasses fixture;

  @BeforeAll
  static void importFixture() {
    fixture = new ClassFileImporter().importPackages(FIXTURE);
  }

  private static void assertViolated(ArchRule rule, String offender) {
    EvaluationResult result = rule.evaluate(fixture);
    assertTrue(result.hasViolation(), () -> rule.getDescription() + " found no violation");
    String report = result.getFailureReport().toString();
    assertTrue(report.contains(offender), () -> "expected " + offender + " in " + report);
  }

  @Test
  void platformImportingAContext_isCaught() {
    assertViolated(ArchitectureRules.platformImportsNoBusinessContext(FIXTURE), "LeakyPlatform");
  }

  @Test
  void domainUsingInfrastructure_isCaught() {
    assertViolated(ArchitectureRules.domainDependsOnNoOuterLayer(FIXTURE), "Invoice");
  }

  @Test
  void domainUsingGraphQl_isCaught() {
    assertViolated(ArchitectureRules.domainIsFreeOfFrameworks(FIXTURE), "graphql");
    assertViolated(ArchitectureRules.graphQlStaysInInterfaces(FIXTURE), "Invoice");
  }

  @Test
  void contextReachingIntoAnothersInternals_isCaught() {
    assertViolated(ArchitectureRules.contextsMeetOnlyThroughTheirApi(FIXTURE), "Deal");
  }

  @Test
  void contextCycle_isCaught() {
    assertViolated(ArchitectureRules.contextsHaveNoCycles(FIXTURE), "Cycle");
  }

  @Test
  void useThroughTheApi_isAllowed() {
    EvaluationResult result =
        ArchitectureRules.contextsMeetOnlyThroughTheirApi(FIXTURE).evaluate(fixture);
    assertTrue(
        result.getFailureReport().getDetails().stream().noneMatch(d -> d.contains("BillingApi")),
        "a dependency on another context's api package must be allowed");
  }
}
