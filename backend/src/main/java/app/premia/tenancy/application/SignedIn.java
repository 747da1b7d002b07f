package app.premia.tenancy.application;

import app.premia.tenancy.application.Views.ViewerView;

/**
 * A successful sign-in: the new session's secret (to put in the cookie, once) and the viewer.
 *
 * @param sessionToken the cookie value; never stored, never logged
 */
public record SignedIn(String sessionToken, ViewerView viewer) {
  @Override
  public String toString() {
    return "SignedIn[viewer=" + viewer.user().email() + "]";
  }
}
