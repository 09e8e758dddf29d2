package bench.load;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The endpoint all three variants serve. {@code @RolesAllowed} is enforced only where the WAR enables
 * RESTEasy's role-based security ((b) and (c)); in (a) it is ignored and the caller is anonymous.
 * {@code @RequestScoped} makes the WAR a CDI bean archive, as most applications are.
 */
@Path("hello")
@RequestScoped
public class Hello {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed("user")
    public String hello(@Context SecurityContext security) {
        return "hello " + (security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName());
    }
}
