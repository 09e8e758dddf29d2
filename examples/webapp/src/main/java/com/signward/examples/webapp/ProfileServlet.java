package com.signward.examples.webapp;

import com.signward.idserver.SignwardUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * The profile: login required. {@code "**"} means any authenticated user (Servlet specification); a browser that
 * is not signed in is sent to Signward and comes back here. Shows who the user is, their roles, when the ID token of
 * the session expires (its {@code exp}; the jar refreshes the session's tokens before they run out), and every claim.
 */
@WebServlet("/profile")
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class ProfileServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    SignwardUser user;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = "<div class=\"card\"><table>"
                + row("User id", user.userId())
                + row("Email", user.email())
                + row("Name", user.name())
                + row("Tenant", user.tenantId())
                + "<tr><th>Roles</th><td>" + Page.badges(user.roles(), false) + "</td></tr>"
                + "<tr><th>Custom roles</th><td>" + Page.badges(user.customRoles(), true) + "</td></tr>"
                + row("Principal", request.getUserPrincipal().getName())
                + "<tr><th>Token expires</th><td>" + expiry(user.claims().get("exp")) + "</td></tr>"
                + "</table></div>"
                + "<h2>All claims</h2><div class=\"card\"><table>"
                + claims(user.claims())
                + "</table></div>";
        Page.write(request, response, user, "Profile", body);
    }

    private static String row(String label, Object value) {
        return "<tr><th>" + label + "</th><td>" + (value == null ? "–" : Page.escape(value)) + "</td></tr>";
    }

    /** {@code exp} (seconds since the epoch) as a UTC time and how long from now. */
    private static String expiry(Object exp) {
        if (!(exp instanceof Number seconds)) {
            return "–";
        }
        Instant at = Instant.ofEpochSecond(seconds.longValue());
        long minutes = Duration.between(Instant.now(), at).toMinutes();
        String relative = minutes >= 0 ? "in " + minutes + " min" : minutes * -1 + " min ago";
        return Page.escape(UTC.format(at)) + " <span class=\"muted\">(" + relative + ", the ID token's exp)</span>";
    }

    /** Every claim, sorted by name; values as the token carries them. */
    private static String claims(Map<String, Object> claims) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(claims).forEach((name, value) -> out.append("<tr><th class=\"mono\">").append(Page.escape(name))
                .append("</th><td class=\"mono\">").append(Page.escape(value)).append("</td></tr>"));
        return out.toString();
    }
}
