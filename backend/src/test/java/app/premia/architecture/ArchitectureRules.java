package app.premia.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;

/**
 * Premia's package boundaries, written against a root package so the same rules run on the real
 * code ({@code app.premia}) and on a deliberately broken fixture that proves each rule can fail.
 *
 * <p>Layout: {@code <root>.platform} (technical, no business) and one package per bounded context
 * {@code <root>.<context>} with layers {@code domain}, {@code application}, {@code infrastructure},
 * {@code interfaces}, and a published {@code api}.
 */
final class ArchitectureRules {

  private ArchitectureRules() {}

  static List<ArchRule> all(String root) {
    return List.of(
        platformImportsNoBusinessContext(root),
        domainDependsOnNoOuterLayer(root),
        applicationDependsOnNoAdapter(root),
        domainIsFreeOfFrameworks(root),
        graphQlStaysInInterfaces(root),
        contextsMeetOnlyThroughTheirApi(root),
        contextsHaveNoCycles(root));
  }

  /** The platform is a toolbox for every context; it must not know any of them. */
  static ArchRule platformImportsNoBusinessContext(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".platform..")
        .should()
        .dependOnClassesThat(
            resideInAPackage(root + "..").and(not(resideInAPackage(root + ".platform.."))))
        .as("the platform imports no business context");
  }

  /** Business rules do not depend on how they are stored or exposed. */
  static ArchRule domainDependsOnNoOuterLayer(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".*.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            root + ".*.application..", root + ".*.infrastructure..", root + ".*.interfaces..")
        .as("a domain depends on no application, infrastructure or interfaces layer");
  }

  /** Use cases orchestrate the domain; adapters plug into them, not the other way round. */
  static ArchRule applicationDependsOnNoAdapter(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".*.application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(root + ".*.infrastructure..", root + ".*.interfaces..")
        .allowEmptyShould(true)
        .as("an application layer depends on no infrastructure or interfaces layer");
  }

  /** The domain speaks the business, not HTTP, GraphQL, servlets or migrations. */
  static ArchRule domainIsFreeOfFrameworks(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".*.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "graphql..",
            "org.dataloader..",
            "jakarta.ws.rs..",
            "jakarta.servlet..",
            "liquibase..",
            "org.eclipse.microprofile..",
            "org.apache.poi..")
        .as("a domain uses no web, GraphQL, migration or spreadsheet framework");
  }

  /** GraphQL types and wiring live in the platform engine and each context's interfaces. */
  static ArchRule graphQlStaysInInterfaces(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and(not(resideInAnyPackage(root + ".platform..", root + ".*.interfaces..")))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("graphql..", "org.dataloader..")
        .as("only the platform and interfaces layers touch GraphQL");
  }

  /** A context uses another only through the other's published {@code api} package. */
  static ArchRule contextsMeetOnlyThroughTheirApi(String root) {
    return classes()
        .that()
        .resideInAPackage(root + ".*..")
        .and(not(resideInAPackage(root + ".platform..")))
        .should(useOtherContextsOnlyThroughApi(root))
        .as("contexts meet only through their api packages");
  }

  static ArchRule contextsHaveNoCycles(String root) {
    return SlicesRuleDefinition.slices()
        .matching(root + ".(*)..")
        .should()
        .beFreeOfCycles()
        .as("contexts depend on each other without cycles");
  }

  private static ArchCondition<JavaClass> useOtherContextsOnlyThroughApi(String root) {
    return new ArchCondition<>("use other contexts only through their api") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String own = contextOf(origin.getPackageName(), root);
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          String target = dependency.getTargetClass().getPackageName();
          String other = contextOf(target, root);
          if (other == null || other.equals(own) || other.equals("platform")) {
            continue;
          }
          if (!target.startsWith(root + "." + other + ".api")) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /** The first package segment below root, or null outside root (or for root itself). */
  private static String contextOf(String packageName, String root) {
    if (!packageName.startsWith(root + ".")) {
      return null;
    }
    String rest = packageName.substring(root.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
