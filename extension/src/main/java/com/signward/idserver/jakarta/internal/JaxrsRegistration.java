package com.signward.idserver.jakarta.internal;

import jakarta.ws.rs.core.Application;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Fails closed when the jar's JAX-RS feature would be missing: an {@code Application} that lists its classes
 * ({@code getClasses()} / {@code getSingletons()} not empty) turns the runtime's provider scan off, so
 * {@code SignwardJaxrsFeature} is only active when the list names it. Without it, {@code @RequiresRoles},
 * {@code @Authenticated} and {@code @RequiresTenant} would be ignored everywhere and, on Payara, {@code @RolesAllowed}
 * too. Such an application whose listed classes use security annotations does not start.
 */
final class JaxrsRegistration {

    /** Named, not referenced: the feature's package depends on this one. */
    static final String FEATURE = "com.signward.idserver.jakarta.jaxrs.SignwardJaxrsFeature";

    private static final System.Logger LOG = System.getLogger(JaxrsRegistration.class.getName());

    private JaxrsRegistration() {
    }

    /**
     * @param classes the application's classes the initializer was handed
     * @return a problem per application that lists secured classes but not the feature (empty: all fine)
     */
    static List<String> problems(Collection<Class<?>> classes) {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : classes) {
            if (Application.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                check(type.asSubclass(Application.class), problems);
            }
        }
        return problems;
    }

    private static void check(Class<? extends Application> type, List<String> problems) {
        Set<Class<?>> listed;
        Set<Object> singletons;
        try {
            Application application = type.getDeclaredConstructor().newInstance();
            listed = application.getClasses();
            singletons = application.getSingletons();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "Signward: cannot check which classes {0} lists ({1}); make sure "
                    + "its getClasses() includes " + FEATURE + " if it lists any", type.getName(), e.toString());
            return;
        }
        List<Class<?>> all = new ArrayList<>(listed == null ? Set.of() : listed);
        if (singletons != null) {
            singletons.forEach(singleton -> all.add(singleton.getClass()));
        }
        if (all.isEmpty() || all.stream().anyMatch(JaxrsRegistration::isFeature)) {
            return;
        }
        all.stream().filter(SecurityAnnotations::restricts).findFirst().ifPresent(secured -> problems.add(
                type.getName() + " lists its classes in getClasses()/getSingletons() (so providers are not scanned) "
                        + "and " + secured.getName() + " uses security annotations, but the list does not include "
                        + FEATURE + ": add " + FEATURE + ".class to getClasses(), else the annotations would not "
                        + "be enforced"));
    }

    private static boolean isFeature(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(FEATURE)) {
                return true;
            }
        }
        return false;
    }
}
