package com.signward.it.ops;

import com.signward.idserver.jakarta.SignwardEvent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** What the observers recorded: {@code {"all": [...], "created": [...]}}, each event with its fields. */
@Path("events")
public class EventsResource {

    @Inject
    WebhookRecorder recorder;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject events() {
        return Json.createObjectBuilder()
                .add("all", array(recorder.all()))
                .add("created", array(recorder.created()))
                .build();
    }

    private static JsonArrayBuilder array(List<SignwardEvent> events) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (SignwardEvent e : events) {
            array.add(Json.createObjectBuilder()
                    .add("type", e.type())
                    .add("deliveryId", e.deliveryId())
                    .add("timestamp", e.timestamp().getEpochSecond())
                    .add("data", e.data()));
        }
        return array;
    }
}
