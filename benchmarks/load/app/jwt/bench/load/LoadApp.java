package bench.load;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.auth.LoginConfig;

/** (c): the same application, authenticated by the runtime's MicroProfile JWT. */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
public class LoadApp extends Application {
}
