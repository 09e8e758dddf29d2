package com.signward.idserver.jakarta.internal;

import com.signward.idserver.web.state.StateStore;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Start-up of browser sessions, from the two places that see part of it: the servlet initializer (session cookie
 * attributes, whether {@code web.xml} is {@code <distributable/>}) and the CDI extension (which state store is used).
 * Whichever comes second warns when a distributable application keeps its state in one JVM. One per application
 * (this jar lives in the WAR).
 */
final class SessionStartup {

    private static final System.Logger LOG = System.getLogger(SessionStartup.class.getName());
    private static Boolean distributable;
    private static StateStore store;

    private SessionStartup() {
    }

    /**
     * With browser login on: the session cookie gets {@code SameSite=Lax} (Servlet 6 cookie attributes; an
     * application's own value is kept), {@code HttpOnly}, and {@code Secure} when the public base URL is https.
     * WildFly (Undertow) does not send cookie attributes set this way: there the application adds
     * {@code WEB-INF/undertow-handlers.conf} with {@code samesite-cookie(mode=Lax)} (see the security page).
     */
    static void configureCookie(ServletContext context) {
        recordDistributable(isDistributable(context));
        Config config;
        try {
            config = ConfigProvider.getConfig();
            if (!config.getOptionalValue(ConfigKey.LOGIN_ENABLED.key(), Boolean.class).orElse(false)) {
                return;
            }
        } catch (RuntimeException e) {
            return; // reported by the extension
        }
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        try {
            if (cookie.getAttribute("SameSite") == null) {
                cookie.setAttribute("SameSite", "Lax");
            }
            cookie.setHttpOnly(true);
            boolean https = config.getOptionalValue(ConfigKey.PUBLIC_BASE_URL.key(), String.class)
                    .map(url -> url.strip().toLowerCase(Locale.ROOT).startsWith("https:")).orElse(false);
            if (https) {
                cookie.setSecure(true);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Signward login: the runtime does not let the application set SameSite on the "
                    + "session cookie ({0}); set it in the runtime''s configuration", e.getClass().getName());
        }
    }

    static synchronized void recordStore(StateStore used) {
        store = used;
        warnIfNeeded();
    }

    private static synchronized void recordDistributable(boolean value) {
        distributable = value;
        warnIfNeeded();
    }

    private static void warnIfNeeded() {
        if (Boolean.TRUE.equals(distributable) && store != null && !store.distributed()) {
            LOG.log(Level.WARNING, "Signward login: web.xml is <distributable/> but the session state store is {0}: "
                    + "back-channel logouts and refresh leases are seen by this node only. Use a JCache provider "
                    + "(signward.state.store=jcache)", store.describe());
        }
    }

    private static boolean isDistributable(ServletContext context) {
        try (InputStream in = context.getResourceAsStream("/WEB-INF/web.xml")) {
            return in != null && new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("<distributable");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
