package com.signward.idserver.jakarta.internal;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Runs the start-up self-check ({@link SignwardStartup}) when the web application starts; registered by
 * {@link SignwardServletInitializer}. An exception here (the check in {@code fail} mode) fails the deployment.
 */
public class SignwardStartupListener implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        CDI.current().select(SignwardStartup.class).get().run(event.getServletContext());
    }
}
