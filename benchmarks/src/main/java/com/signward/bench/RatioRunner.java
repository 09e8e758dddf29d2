package com.signward.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link TokenValidationBenchmark} (all six ways, RS256 and ES256) in one JMH run and prints each throughput
 * as a ratio to the bare JCA signature check, with the error propagated from JMH's 99.9 % confidence intervals.
 * Options: {@code --forks=1 --warmup=3 --measurement=5 --time=2s --threads=1 --prof=gc --out=DIR}, and to narrow a
 * profiling run {@code --benchmarks=signwardMiss|jcaVerify --alg=RS256}.
 * Writes {@code DIR/jmh.json} and {@code DIR/ratios.md}.
 */
public final class RatioRunner {
    private static final List<String> ORDER = List.of("jcaVerify", "smallryeVerify", "jose4jVerify", "nimbusVerify",
            "signwardMiss", "signwardCachedMiss", "signwardHit");
    private static final Map<String, String> LABELS = Map.of(
            "signwardCachedMiss", "(3b) SignwardClient.validateToken, cache on, token new to it (miss)",
            "jcaVerify", "(1) JCA Signature.verify (floor)",
            "smallryeVerify", "(2) smallrye-jwt DefaultJWTParser.verify",
            "jose4jVerify", "(2b) jose4j JwtConsumer (direct)",
            "nimbusVerify", "(2c) nimbus-jose-jwt SignedJWT + DefaultJWTClaimsVerifier",
            "signwardMiss", "(3) SignwardClient.validateToken, cache off (miss)",
            "signwardHit", "(4) SignwardClient.validateToken, cache hit");

    /** A target ratio to (1): the bar that must be met, and an optional goal above it. */
    private record Target(double bar, double goal) {
        String describe(double ratio) {
            String wanted = "≥ " + trim(bar) + "×" + (goal > bar ? " (goal " + trim(goal) + "×)" : "");
            String verdict = ratio < bar ? "**MISSED**" : ratio < goal ? "met, goal missed" : "met";
            return wanted + ": " + verdict;
        }
    }

    private static final Map<String, Target> TARGETS = Map.of(
            "RS256/signwardMiss", new Target(0.85, 0.9), "ES256/signwardMiss", new Target(0.9, 0.9),
            "RS256/signwardCachedMiss", new Target(0.85, 0.9), "ES256/signwardCachedMiss", new Target(0.9, 0.9),
            "RS256/signwardHit", new Target(25, 25), "ES256/signwardHit", new Target(25, 25));

    private RatioRunner() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("forks", "1", "warmup", "3", "measurement", "5",
                "time", "2s", "threads", "1", "out", "target/bench"));
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            opts.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Path out = Path.of(opts.get("out"));
        Files.createDirectories(out);
        TimeValue time = TimeValue.fromString(opts.get("time"));
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include("com\\.signward\\.bench\\.TokenValidationBenchmark\\.("
                        + opts.getOrDefault("benchmarks", String.join("|", ORDER)) + ")$")
                .forks(Integer.parseInt(opts.get("forks")))
                .warmupIterations(Integer.parseInt(opts.get("warmup")))
                .warmupTime(time)
                .measurementIterations(Integer.parseInt(opts.get("measurement")))
                .measurementTime(time)
                .threads(Integer.parseInt(opts.get("threads")))
                .jvmArgsAppend("-Xms1g", "-Xmx1g")
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve("jmh.json").toString());
        if (opts.containsKey("prof")) {
            for (String profiler : opts.get("prof").split(",")) { // e.g. gc,jfr:configName=profile
                int colon = profiler.indexOf(':');
                if ("jfr".equals(profiler)) { // recordings under DIR/jfr, not in the working directory
                    builder.addProfiler("jfr", "dir=" + out.resolve("jfr").toAbsolutePath());
                } else if (colon < 0) {
                    builder.addProfiler(profiler);
                } else {
                    builder.addProfiler(profiler.substring(0, colon), profiler.substring(colon + 1));
                }
            }
        }
        if (opts.containsKey("alg")) { // e.g. --alg=RS256
            builder.param("alg", opts.get("alg").split(","));
        }
        String loadBefore = loadAverage();
        Collection<RunResult> results = new Runner(builder.build()).run();
        opts.put("load", loadBefore + " before, " + loadAverage() + " after");
        String table = table(results, opts);
        System.out.println();
        System.out.println(table);
        Files.writeString(out.resolve("ratios.md"), table);
    }

    static String table(Collection<RunResult> results, Map<String, String> opts) {
        Map<String, Map<String, Result<?>>> byAlg = new LinkedHashMap<>();
        for (RunResult run : results) {
            String alg = run.getParams().getParam("alg");
            String method = run.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            byAlg.computeIfAbsent(alg, a -> new LinkedHashMap<>()).put(method, run.getPrimaryResult());
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Token validation, %s, %d cores, Java %s, JMH %s fork(s), %s x %s warm-up, "
                        + "%s x %s measurement, %s thread(s); error = 99.9%% CI%n%n",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), opts.get("forks"), opts.get("warmup"), opts.get("time"),
                opts.get("measurement"), opts.get("time"), opts.get("threads")));
        if (opts.containsKey("commit")) {
            s.append("Commit: ").append(opts.get("commit")).append("\n\n");
        }
        s.append("Load average (1/5/15 min; other processes share the cores): ").append(opts.get("load")).append("\n\n");
        s.append("| alg | way | ops/s | ± error | ratio to (1) | target |\n");
        s.append("|---|---|---:|---:|---:|---|\n");
        for (Map.Entry<String, Map<String, Result<?>>> entry : byAlg.entrySet()) {
            Result<?> floor = entry.getValue().get("jcaVerify");
            for (String method : ORDER) {
                Result<?> r = entry.getValue().get(method);
                if (r == null) {
                    continue;
                }
                String ratio = "n/a";
                String target = "";
                if (floor != null) {
                    double q = r.getScore() / floor.getScore();
                    double err = q * Math.hypot(relative(r), relative(floor));
                    ratio = String.format(Locale.ROOT, "%.2f× ± %.2f", q, err);
                    Target wanted = TARGETS.get(entry.getKey() + "/" + method);
                    if (wanted != null) {
                        target = wanted.describe(q);
                    }
                }
                s.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %s | %s |%n", entry.getKey(),
                        LABELS.get(method), r.getScore(), r.getScoreError(), ratio, target));
            }
        }
        return s.toString();
    }

    /** The machine's load average (Linux), to judge whether other processes disturbed the run. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + "/" + parts[1] + "/" + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double relative(Result<?> r) {
        double error = r.getScoreError();
        return Double.isNaN(error) ? 0 : error / r.getScore();
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
