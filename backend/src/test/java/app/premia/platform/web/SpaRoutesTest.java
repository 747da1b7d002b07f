package app.premia.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpaRoutesTest {

  private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

  @Test
  void browserNavigationsToClientRoutesGetTheApp() {
    assertTrue(SpaRoutes.isClientRoute("GET", "/", BROWSER));
    assertTrue(SpaRoutes.isClientRoute("GET", "/reference/currencies", BROWSER));
    assertTrue(SpaRoutes.isClientRoute("HEAD", "/payouts/2026-11", BROWSER));
  }

  @Test
  void serverPathsFilesAndNonNavigationsDoNot() {
    assertFalse(SpaRoutes.isClientRoute("GET", "/graphql", BROWSER));
    assertFalse(SpaRoutes.isClientRoute("GET", "/health/ready", BROWSER));
    assertFalse(SpaRoutes.isClientRoute("GET", "/api/files/1", BROWSER));
    assertFalse(SpaRoutes.isClientRoute("GET", "/assets/index-abc.js", BROWSER));
    assertFalse(SpaRoutes.isClientRoute("GET", "/favicon.ico", BROWSER));
    assertFalse(SpaRoutes.isClientRoute("POST", "/reference/currencies", BROWSER));
    assertFalse(SpaRoutes.isClientRoute("GET", "/reference/currencies", "application/json"));
  }

  @Test
  void aClientRouteThatMerelyStartsLikeAServerPathIsStillTheApps() {
    assertTrue(SpaRoutes.isClientRoute("GET", "/graphqlish", BROWSER));
    assertTrue(SpaRoutes.isClientRoute("GET", "/healthcare", BROWSER));
  }
}
