package com.signward.idserver.jakarta.internal;

import com.signward.idserver.internal.oidc.Http;
import com.signward.idserver.internal.oidc.ProviderException;
import com.signward.idserver.internal.oidc.ProviderMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the start-up self-check when the web application starts ({@link SignwardStartupListener}): discovery is fetched once through the application's client, so its
 * cache serves the first requests, and checked by {@link SelfCheck}. In {@code warn} mode nothing waits for it; in
 * {@code fail} mode the start waits at most {@code signward.timeout} and fails on a misconfiguration.
 */
@ApplicationScoped
public class SignwardStartup {

    private static final System.Logger LOG = System.getLogger(SignwardStartup.class.getName());

    @Inject
    SignwardExtension extension;

    @Inject
    SignwardProducers producers;

    /** Called by {@link SignwardStartupListener} when the web application starts. */
    void run(ServletContext context) {
        SelfCheck.Mode mode = extension.startupCheck();
        if (mode == SelfCheck.Mode.OFF) {
            return;
        }
        SignwardDeployment deployment = extension.deployment();
        String contextPath = context.getContextPath();
        CompletableFuture<List<SelfCheck.Finding>> check = producers.core().metadata()
                .handle((metadata, failure) -> report(deployment, contextPath, metadata, failure));
        if (mode == SelfCheck.Mode.FAIL) {
            List<SelfCheck.Finding> findings = await(check, deployment.options().timeout().plusSeconds(1));
            List<SelfCheck.Finding> hard = findings.stream().filter(SelfCheck.Finding::misconfiguration).toList();
            if (!hard.isEmpty()) {
                throw new DeploymentException("Signward start-up check failed (signward.startup.check=fail): "
                        + hard.stream().map(Object::toString).reduce((a, b) -> a + "; " + b).orElseThrow());
            }
        }
    }

    private List<SelfCheck.Finding> report(SignwardDeployment deployment, String contextPath,
                                           ProviderMetadata metadata, Throwable failure) {
        List<SelfCheck.Finding> findings;
        if (metadata != null) {
            findings = SelfCheck.check(deployment, metadata);
        } else if (Http.unwrap(failure) instanceof ProviderException e) {
            findings = List.of(SelfCheck.discoveryFailed(deployment, e));
        } else {
            findings = List.of(new SelfCheck.Finding(ConfigKey.AUTHORITY,
                    "discovery failed (" + Http.unwrap(failure).getClass().getName() + ")", false));
        }
        String line = SelfCheck.summary(deployment, extension.webhooks(), contextPath,
                metadata == null ? null : metadata.issuer(), findings);
        LOG.log(findings.isEmpty() ? Level.INFO : Level.WARNING, line);
        return findings;
    }

    private static List<SelfCheck.Finding> await(CompletableFuture<List<SelfCheck.Finding>> check, Duration limit) {
        try {
            return check.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "Signward self-check: no answer from Signward within {0}; deployment goes on",
                    limit);
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "Signward self-check failed: {0}", e.getCause().getClass().getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of();
    }
}
