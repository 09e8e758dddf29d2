package com.signward.it.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the test WAR the way a user's is: the application classes, a
 * {@code META-INF/microprofile-config.properties}, and in {@code WEB-INF/lib} the Signward jar with its
 * runtime dependencies (copied by the runtime module into the directory named by {@code it.war-libs}).
 */
public final class Deployments {

    /** The test application's package; everything in it goes into the WAR. */
    public static final String APP_PACKAGE = "com.signward.it.app";
    /** The browser-login test application's package (its own WAR). */
    public static final String WEB_PACKAGE = "com.signward.it.web";
    /** The client id of the browser-login application (a confidential client). */
    public static final String WEB_CLIENT_ID = "it-web";
    /** Its client secret. */
    public static final String WEB_CLIENT_SECRET = "it-web-secret-0123456789abcdef0123456789";

    private Deployments() {
    }

    /** The configuration every test WAR gets: authority and client id of the in-JVM provider. */
    public static Map<String, String> defaultConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("signward.authority", MockIdp.get().authority());
        config.put("signward.client-id", MockIdp.CLIENT_ID);
        return config;
    }

    /** The configuration of the browser-login WAR: browser login on, a confidential client, default routes. */
    public static Map<String, String> webConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("signward.authority", MockIdp.get().authority());
        config.put("signward.client-id", WEB_CLIENT_ID);
        config.put("signward.client-secret", WEB_CLIENT_SECRET);
        config.put("signward.login.enabled", "true");
        return config;
    }

    /**
     * The browser-login WAR: the pages and API of {@value #WEB_PACKAGE}, its {@code WEB-INF/web.xml} (security
     * constraints for {@code /profile} and {@code /admin}) and the given configuration.
     */
    public static WebArchive webWar(String name, Map<String, String> config) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackages(true, WEB_PACKAGE)
                .setWebXML("it-web/web.xml")
                .addAsResource(new StringAsset(properties(config)), "META-INF/microprofile-config.properties")
                .addAsLibraries(warLibs());
    }

    /** A WAR with the whole test application and the given configuration. */
    public static WebArchive war(String name, Map<String, String> config) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackages(true, APP_PACKAGE)
                .addAsResource(new StringAsset(properties(config)), "META-INF/microprofile-config.properties")
                .addAsLibraries(warLibs());
    }

    /** A WAR with one test application package (and its subpackages) and the given configuration. */
    public static WebArchive war(String name, String appPackage, Map<String, String> config) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackages(true, appPackage)
                .addAsResource(new StringAsset(properties(config)), "META-INF/microprofile-config.properties")
                .addAsLibraries(warLibs());
    }

    /** The jars of {@code WEB-INF/lib}. */
    public static File[] warLibs() {
        String dir = System.getProperty("it.war-libs");
        if (dir == null) {
            throw new IllegalStateException("system property it.war-libs is not set (run the tests through a runtime module)");
        }
        File[] jars = new File(dir).listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null || Arrays.stream(jars).noneMatch(f -> f.getName().startsWith("signward-idserver-jakarta"))) {
            throw new IllegalStateException("no signward-idserver-jakarta jar in " + dir);
        }
        Arrays.sort(jars);
        return jars;
    }

    private static String properties(Map<String, String> config) {
        return config.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
