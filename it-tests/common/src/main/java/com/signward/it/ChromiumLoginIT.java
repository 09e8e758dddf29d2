package com.signward.it;

import com.signward.it.support.Chromium;
import com.signward.it.support.Deployments;
import com.signward.it.support.IdpLogin;
import com.signward.it.support.MockIdp;
import com.signward.it.support.TestUser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser login in a real browser: headless Chromium signs in on mock-oauth2-server's login page, lands on the
 * page it asked for, and signs out. Run on one runtime only (WildFly; the other modules exclude it) to keep the
 * build short; skipped, saying so, where Chromium is not installed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChromiumLoginIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.webWar("signward-web-chromium", Deployments.webConfig());
    }

    @Test
    void signsInAndOutInARealBrowser() {
        Chromium.assumeInstalled();
        TestUser user = TestUser.named("chloe").withRoles("user");
        String home = base.toExternalForm().endsWith("/") ? base.toExternalForm() : base.toExternalForm() + "/";
        String profile = home + "profile?from=chromium";
        String authorize = MockIdp.get().authority() + "/authorize";
        try (Chromium chromium = Chromium.start()) {
            WebDriver driver = chromium.driver();
            driver.get(profile);

            // sent to the provider's login page: fill in the user name and the claims, submit
            WebElement username = chromium.element(By.name("username"));
            assertTrue(driver.getCurrentUrl().startsWith(authorize + "?"), driver.getCurrentUrl());
            username.sendKeys(user.sub());
            WebElement claims = driver.findElement(By.name("claims"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", claims,
                    IdpLogin.claimsJson(user));
            driver.findElement(By.cssSelector("form input[type=submit]")).click();

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
                    && chromium.has(By.name("username")));
        }
    }
}
