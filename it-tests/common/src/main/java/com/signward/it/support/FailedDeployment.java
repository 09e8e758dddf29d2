package com.signward.it.support;

import org.jboss.arquillian.container.test.api.Deployer;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;

/**
 * Deploys a WAR that must fail and keeps what a user would see of the failure: the exception the runtime reported
 * (its message chain), or — the Payara Micro adapter reports success for a WAR that failed to load — the server's
 * console output. Always undeploys.
 *
 * @param failure  the messages of the reported failure, or {@code null} when the deployment was reported as done
 * @param console  the console output during the deployment
 */
public record FailedDeployment(String failure, String console) {

    /** Deploys {@code name} (an unmanaged deployment), runs {@code checks}, then undeploys. */
    public static void check(Deployer deployer, String name, Checks checks) throws Exception {
        Exception failure = null;
        String console;
        try (ConsoleCapture capture = ConsoleCapture.start()) {
            try {
                deployer.deploy(name);
            } catch (Exception e) {
                failure = e;
            }
            console = capture.text();
        }
        try {
            checks.accept(new FailedDeployment(failure == null ? null : messages(failure), console));
        } finally {
            try {
                deployer.undeploy(name);
            } catch (RuntimeException ignored) {
                // nothing was deployed
            }
        }
    }

    /** Whether the failure or, when none was reported, the console names {@code text}. */
    public boolean names(String text) {
        return failure != null ? failure.contains(text) : console.contains(text);
    }

    /** Where the application {@code name} would be: the runtime module sets {@code it.http-port}. */
    public static URL applicationUrl(String name) throws MalformedURLException {
        return URI.create("http://127.0.0.1:" + System.getProperty("it.http-port") + "/" + name + "/").toURL();
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null && all.length() < 100_000; t = t.getCause()) {
            all.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    /** What a test checks. */
    @FunctionalInterface
    public interface Checks {
        void accept(FailedDeployment deployment) throws Exception;
    }
}
