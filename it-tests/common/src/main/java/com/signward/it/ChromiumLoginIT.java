package com.signward.it;

import com.signward.idserver.testkit.FakeSignward;
import com.signward.idserver.testkit.SignwardTestExtension;
import com.signward.idserver.testkit.WithFakeSignward;
import com.signward.it.support.Chromium;
import com.signward.it.support.Deployments;
import com.signward.it.support.FakeLogin;
import com.signward.it.support.TestUser;
import com.signward.it.support.WebApp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser login in a real browser: headless Chromium signs in on the test kit's fake Signward (its login form:
 * one button per user; PKCE, the client secret and exact redirect URIs enforced), lands on the page it asked for,
 * and signs out. Run on one runtime only (WildFly; the other modules exclude it) to keep the
 * build short; skipped, saying so, where Chromium is not installed.
 */
@WithFakeSignward
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChromiumLoginIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.webWar("signward-web-chromium", FakeLogin.webConfig(fake()));
    }

    private static FakeSignward fake() {
        return SignwardTestExtension.fakeFor(ChromiumLoginIT.class);
    }

    @Test
    void signsInAndOutInARealBrowser() {
        Chromium.assumeInstalled();
        TestUser user = TestUser.named("chloe").withRoles("user");
        String home = base.toExternalForm().endsWith("/") ? base.toExternalForm() : base.toExternalForm() + "/";
        String profile = home + "profile?from=chromium";
        FakeLogin login = new FakeLogin(fake());
        login.register(new WebApp(base, login));
        fake().showLoginForm(FakeLogin.user(user));
        String authorize = login.authorizeEndpoint();
        try (Chromium chromium = Chromium.start()) {
            WebDriver driver = chromium.driver();
            driver.get(profile);

            // sent to the provider's login page: press the user's button
            By button = By.cssSelector("button[name=login_user][value='" + user.sub() + "']");
            chromium.element(button);
            assertTrue(driver.getCurrentUrl().startsWith(authorize + "?"), driver.getCurrentUrl());
            driver.findElement(button).click();

            // back on the page asked for, signed in
            chromium.waitUntil("the profile page", () -> driver.getCurrentUrl().equals(profile)
                    && chromium.has(By.id("user-name")));
            assertEquals(user.name(), driver.findElement(By.id("user-name")).getText());

            // sign out: through the provider's end-session endpoint back to the home page, signed out
            driver.findElement(By.id("logout-button")).click();
            chromium.waitUntil("the home page, signed out", () -> chromium.has(By.id("anonymous")));
            assertTrue(driver.getCurrentUrl().startsWith(home + "?state="), driver.getCurrentUrl());

            // the profile needs a new login
            driver.get(profile);
            chromium.waitUntil("the provider's login page", () -> driver.getCurrentUrl().startsWith(authorize + "?")
                    && chromium.has(By.id("fake-signward-login")));
        }
    }
}
