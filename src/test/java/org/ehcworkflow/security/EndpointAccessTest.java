package org.ehcworkflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

/** Each endpoint's declared access, enforced before it runs; an endpoint that declares none is refused to all. */
class EndpointAccessTest {

  private final IdentityService identity = mock(IdentityService.class);
  private final EndpointAccess access = new EndpointAccess(new CurrentUser(identity));

  @NoAccount(checkedBy = "a test token")
  static class Endpoints {
    @Allowed(Roles.MANAGERS)
    public void managers() {
    }

    @Allowed(Roles.ADMINISTRATORS)
    public void administrators() {
    }

    @AnySignedInUser(narrowedBy = "a test check")
    public void signedIn() {
    }

    public void publicPage() {
    }
  }

  static class Undeclared {
    public void endpoint() {
    }
  }

  @Test
  void anEndpointThatDeclaresNothingIsRefusedEvenToAnAdministrator() throws Exception {
    signedInAs("admin", Roles.ADMINISTRATORS);
    assertThatThrownBy(() -> call(new Undeclared(), "endpoint")).isInstanceOf(CurrentUser.Forbidden.class);
  }

  @Test
  void rolesAreCheckedAgainstTheDeclaration() throws Exception {
    signedInAs("mo", Roles.MANAGERS);
    assertThat(call(new Endpoints(), "managers")).isTrue();
    assertThatThrownBy(() -> call(new Endpoints(), "administrators")).isInstanceOf(CurrentUser.Forbidden.class);

    signedInAs("carla", Roles.COORDINATORS);
    assertThatThrownBy(() -> call(new Endpoints(), "managers")).isInstanceOf(CurrentUser.Forbidden.class);
    assertThat(call(new Endpoints(), "signedIn")).isTrue();

    signedInAs("admin", Roles.ADMINISTRATORS);
    assertThat(call(new Endpoints(), "managers")).isTrue();
    assertThat(call(new Endpoints(), "administrators")).isTrue();
  }

  @Test
  void withoutASignedInUserOnlyPublicPagesAnswer() throws Exception {
    when(identity.getCurrentAuthentication()).thenReturn(null);
    assertThatThrownBy(() -> call(new Endpoints(), "managers")).isInstanceOf(CurrentUser.Forbidden.class);
    assertThatThrownBy(() -> call(new Endpoints(), "signedIn")).isInstanceOf(CurrentUser.Forbidden.class);
    assertThat(call(new Endpoints(), "publicPage")).as("the controller's own declaration").isTrue();
  }

  private void signedInAs(String user, String... groups) {
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication(user, List.of(groups)));
  }

  private boolean call(Object controller, String method) throws Exception {
    return access.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(),
        new HandlerMethod(controller, method));
  }
}
