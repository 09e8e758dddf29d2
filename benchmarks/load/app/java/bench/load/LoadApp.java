package bench.load;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** (a) and (b): a plain JAX-RS application. */
@ApplicationPath("api")
public class LoadApp extends Application {
}
