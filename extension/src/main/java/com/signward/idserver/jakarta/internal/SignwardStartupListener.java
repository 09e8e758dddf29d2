package com.signward.idserver.jakarta.internal;

import com.signward.idserver.internal.metrics.SignwardMetrics;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Installs the metrics over the runtime's API when present, and runs the start-up self-check ({@link SignwardStartup}) when the web application starts; registered by
 * {@link SignwardServletInitializer}. An exception here (the check in {@code fail} mode) fails the deployment.
 */
public class SignwardStartupListener implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (OptionalApis.metrics()) {
            Object metrics = CDI.current().select(OptionalApis.load(SignwardExtension.MP_METRICS)).get();
            SignwardMetrics.install((SignwardMetrics) metrics);
        }
        CDI.current().select(SignwardStartup.class).get().run(event.getServletContext());
    }
}
