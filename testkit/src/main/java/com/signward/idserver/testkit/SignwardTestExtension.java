package com.signward.idserver.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JUnit 5: one {@link FakeSignward} per test class, started before the class's tests (or earlier, on the first
 * {@link #fakeFor(Class)}, e.g. from an Arquillian {@code @Deployment} method that needs its URL) and stopped
 * after them. Resolves parameters of type {@link FakeSignward} and {@link SignwardTokens}, and
 * {@link SignwardTestUser} tokens and users.
 */
public final class SignwardTestExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final Map<Class<?>, FakeSignward> RUNNING = new ConcurrentHashMap<>();
    private static final ExtensionContext.Namespace USERS =
            ExtensionContext.Namespace.create(SignwardTestExtension.class, "users");

    /**
     * The provider of a test class, started on first use: for static methods that run before the tests (an
     * Arquillian {@code @Deployment} building the application's configuration).
     */
    public static FakeSignward fakeFor(Class<?> testClass) {
        return RUNNING.computeIfAbsent(testClass, c -> FakeSignward.start());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        fakeFor(context.getRequiredTestClass());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        FakeSignward fake = RUNNING.remove(context.getRequiredTestClass());
        if (fake != null) {
            fake.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == FakeSignward.class || type == SignwardTokens.class) {
            return true;
        }
        return (type == String.class || type == FakeUser.class) && annotation(parameter, context).isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        FakeSignward fake = fakeFor(context.getRequiredTestClass());
        Class<?> type = parameter.getParameter().getType();
        if (type == FakeSignward.class) {
            return fake;
        }
        if (type == SignwardTokens.class) {
            return fake.tokens();
        }
        SignwardTestUser spec = annotation(parameter, context)
                .orElseThrow(() -> new ParameterResolutionException("no @SignwardTestUser"));
        // one user per annotation and test: a token parameter and a FakeUser parameter agree
        FakeUser user = context.getStore(USERS).getOrComputeIfAbsent(spec, SignwardTestExtension::user,
                FakeUser.class);
        if (type == FakeUser.class) {
            return user;
        }
        SignwardTokens tokens = fake.tokens().user(user);
        return spec.header() ? tokens.bearer() : tokens.sign();
    }

    /** The parameter's annotation, else the method's. */
    private static Optional<SignwardTestUser> annotation(ParameterContext parameter, ExtensionContext context) {
        Optional<SignwardTestUser> own = parameter.findAnnotation(SignwardTestUser.class);
        if (own.isPresent()) {
            return own;
        }
        return context.getTestMethod().map(m -> m.getAnnotation(SignwardTestUser.class));
    }

    /** The user an annotation describes. */
    static FakeUser user(SignwardTestUser spec) {
        FakeUser user = FakeUser.named(spec.name()).withRoles(spec.roles()).withCustomRoles(spec.customRoles());
        if (!spec.id().isEmpty()) {
            user = user.withId(spec.id());
        }
        if (!spec.email().isEmpty()) {
            user = user.withEmail(spec.email());
        }
        if (!spec.tenant().isEmpty()) {
            user = user.withTenant(spec.tenant());
        }
        return user;
    }
}
