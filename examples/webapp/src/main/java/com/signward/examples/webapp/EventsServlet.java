package com.signward.examples.webapp;

import com.signward.idserver.SignwardUser;
import com.signward.idserver.jakarta.SignwardEvent;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The last {@code user.login} webhook events Signward sent ({@link LoginEvents}); for signed-in users. */
@WebServlet("/events")
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class EventsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    SignwardUser user;

    @Inject
    LoginEvents events;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder body = new StringBuilder("<p>Signward POSTs signed webhook events to <code>")
                .append(Page.escape(request.getContextPath())).append("/signward/webhooks</code>.</p>");
        if (events.recent().isEmpty()) {
            body.append("<p>No <code>user.login</code> event yet.</p>");
        } else {
            body.append("<table><tr><td>Signed at</td><td>Delivery</td><td>Data</td></tr>");
            for (SignwardEvent event : events.recent()) {
                body.append("<tr><td>").append(Page.escape(event.timestamp())).append("</td><td>")
                        .append(Page.escape(event.deliveryId())).append("</td><td><code>")
                        .append(Page.escape(event.data())).append("</code></td></tr>");
            }
            body.append("</table>");
        }
        Page.write(request, response, user, "Login events", body.toString());
    }
}
