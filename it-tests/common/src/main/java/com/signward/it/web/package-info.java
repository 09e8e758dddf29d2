/**
 * The browser-login test application (its own WAR, see {@code Deployments.webWar}): server-rendered pages made with
 * the Servlet API only, protected by {@code WEB-INF/web.xml} security constraints, and a JAX-RS API in the same
 * application. Every page names the caller through the injected {@code SignwardUser}.
 */
package com.signward.it.web;
