package com.signward.examples.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The demo stops, Payara Micro included, whatever ends the process that started it (Maven; here {@link DemoLauncher}
 * in its own JVM, as in {@link DemoIT}, which covers SIGTERM): Ctrl-C (SIGINT) lets the launcher stop the demo and
 * wait for it; SIGKILL leaves the demo alone, which notices and stops by itself. Either way nothing keeps running or
 * listening, and the demo's last line says so.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class DemoLifecycleIT {

    private DemoProcess demo;

    @AfterEach
    void killLeftovers() {
        if (demo != null) {
            demo.kill();
        }
    }

    @ParameterizedTest(name = "kill -{0} <launcher>")
    @ValueSource(strings = {"INT", "KILL"})
    void endingTheParentStopsEverything(String signal) throws Exception {
        demo = DemoProcess.start(Duration.ofSeconds(80), Duration.ofSeconds(140));
        assertTrue(demo.children().size() >= 2, "the demo's JVM and Payara Micro: " + demo.children());
        assumeFalse(signal.equals("INT") && demo.launcherIgnoresSigint(),
                "this build runs in the background of a non-interactive shell: SIGINT is ignored, as Ctrl-C would be");

        assertTrue(demo.signalLauncher(signal, DemoLauncher.STOP_TIMEOUT.plusSeconds(10)),
                "the launcher did not exit after SIG" + signal);

        // SIGKILL: the demo sees its parent gone within a few seconds, then stops Payara Micro (20 s at most)
        assertEquals(List.of(), demo.leftovers(Duration.ofSeconds(45)), demo::console);
        assertTrue(demo.console().strip().endsWith(Demo.STOPPED), demo::console);
    }
}
