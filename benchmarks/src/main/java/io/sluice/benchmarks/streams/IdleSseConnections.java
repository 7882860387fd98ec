package io.sluice.benchmarks.streams;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap and RSS of a gateway holding 10,000 idle SSE streams, against the same gateway holding none
 * (the baseline), in a child JVM with {@code -Xmx512m}. The streams are opened from this JVM by
 * four Vert.x HTTP clients, at most 256 connection attempts at a time, and count as open once the
 * gateway's first chunk ({@code : stream open}) arrived and its {@code sluice_streams_active} gauge
 * shows them all.
 *
 * <p>Run: {@code bench/run sse}, or {@code java -cp benchmarks/target/benchmarks.jar
 * io.sluice.benchmarks.streams.IdleSseConnections [streams]}. Needs {@code ulimit -n} above the
 * stream count in both JVMs.
 */
public final class IdleSseConnections {
  private static final int CLIENTS = 4;
  private static final int OPENING_AT_ONCE = 256;
  private static final Pattern NUMBER = Pattern.compile("(\\w+)=(\\S+)");

  private IdleSseConnections() {}

  public static void main(String[] args) throws Exception {
    int streams = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    IdleSseGateway.logAt(ch.qos.logback.classic.Level.WARN);
    Process child = startGateway();
    BlockingQueue<String> said = readReports(child);
    Writer commands = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(CLIENTS));
    try {
      Map<String, String> hello = fields(next(said));
      int port = Integer.parseInt(hello.get("port"));
      Map<String, String> baseline = measure(commands, said);
      long started = System.nanoTime();
      int open = openStreams(vertx, port, hello.get("token"), streams);
      double seconds = (System.nanoTime() - started) / 1e9;
      long active = awaitActive(port, streams);
      Map<String, String> loaded = measure(commands, said);
      report(streams, open, active, seconds, baseline, loaded);
      System.out.println();
      System.out.println("Heap histogram of the gateway with the streams open (top 25 classes):");
      histogram(child.pid()).stream().limit(28).forEach(System.out::println);
    } finally {
      commands.write("exit\n");
      commands.flush();
      vertx.close().await(30, TimeUnit.SECONDS);
      if (!child.waitFor(30, TimeUnit.SECONDS)) {
        child.destroy();
      }
    }
  }

  private static Process startGateway() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            IdleSseGateway.class.getName())
        .redirectErrorStream(true)
        .start();
  }

  /** Lines the child prefixes with {@value IdleSseGateway#PREFIX}; its log lines are dropped. */
  private static BlockingQueue<String> readReports(Process child) {
    BlockingQueue<String> said = new LinkedBlockingQueue<>();
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (BufferedReader r = child.inputReader(StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  if (line.startsWith(IdleSseGateway.PREFIX)) {
                    said.add(line.substring(IdleSseGateway.PREFIX.length()));
                  } else if (line.contains("ERROR") || line.contains("Exception")) {
                    System.err.println("gateway: " + line);
                  }
                }
              } catch (IOException e) {
                said.add("closed");
              }
            });
    return said;
  }

  private static String next(BlockingQueue<String> said) throws InterruptedException {
    String line = said.poll(120, TimeUnit.SECONDS);
    if (line == null) {
      throw new IllegalStateException("the gateway process said nothing for 120 s");
    }
    return line;
  }

  private static Map<String, String> measure(Writer commands, BlockingQueue<String> said)
      throws IOException, InterruptedException {
    commands.write("measure\n");
    commands.flush();
    return fields(next(said));
  }

  private static Map<String, String> fields(String line) {
    Map<String, String> out = new java.util.HashMap<>();
    Matcher m = NUMBER.matcher(line);
    while (m.find()) {
      out.put(m.group(1), m.group(2));
    }
    return out;
  }

  /** Opens the streams, at most {@value #OPENING_AT_ONCE} at a time; returns how many opened. */
  private static int openStreams(Vertx vertx, int port, String token, int streams)
      throws InterruptedException {
    List<HttpClient> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(
          vertx
              .httpClientBuilder()
              .with(new HttpClientOptions().setKeepAlive(true).setIdleTimeout(0))
              .with(new PoolOptions().setHttp1MaxSize(streams / CLIENTS + 1))
              .build());
    }
    AtomicInteger open = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    java.util.concurrent.Semaphore opening = new java.util.concurrent.Semaphore(OPENING_AT_ONCE);
    for (int i = 0; i < streams; i++) {
      opening.acquire();
      open(clients.get(i % CLIENTS), port, token)
          .onComplete(
              ar -> {
                (ar.succeeded() ? open : failed).incrementAndGet();
                opening.release();
              });
    }
    opening.acquire(OPENING_AT_ONCE);
    if (failed.get() > 0) {
      System.err.println(failed.get() + " streams failed to open");
    }
    return open.get();
  }

  /** Completes when the stream's first chunk arrived; the connection then stays open, idle. */
  private static Future<Void> open(HttpClient client, int port, String token) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI("/v1/events/bench.idle.%3E")
            .addHeader("Authorization", "Bearer " + token)
            .addHeader("Accept", "text/event-stream");
    io.vertx.core.Promise<Void> first = io.vertx.core.Promise.promise();
    client
        .request(options)
        .compose(io.vertx.core.http.HttpClientRequest::send)
        .onSuccess(
            response -> {
              if (response.statusCode() != 200) {
                first.tryFail("status " + response.statusCode());
              }
              response.handler(chunk -> first.tryComplete());
              response.endHandler(v -> first.tryFail("stream ended"));
            })
        .onFailure(first::tryFail);
    return first.future();
  }

  /** Polls {@code sluice_streams_active} until it reaches {@code streams} (at most 60 s). */
  private static long awaitActive(int port, int streams) throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    long active = -1;
    while (System.nanoTime() < deadline) {
      String metrics =
          http.send(
                  java.net.http.HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + port + "/metrics"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = Pattern.compile("(?m)^sluice_streams_active (\\S+)").matcher(metrics);
      active = m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
      if (active >= streams) {
        break;
      }
      TimeUnit.MILLISECONDS.sleep(200); // polling a gauge between scrapes, not awaiting a result
    }
    http.close();
    return active;
  }

  private static void report(
      int streams,
      int open,
      long active,
      double seconds,
      Map<String, String> baseline,
      Map<String, String> loaded) {
    long heap0 = Long.parseLong(baseline.get("heap"));
    long heap1 = Long.parseLong(loaded.get("heap"));
    long rss0 = Long.parseLong(baseline.get("rss")) * 1024;
    long rss1 = Long.parseLong(loaded.get("rss")) * 1024;
    System.out.printf(
        "Idle SSE streams requested %d, opened %d in %.1f s; gateway's sluice_streams_active %d%n%n",
        streams, open, seconds, active);
    System.out.printf("%-28s %16s %16s%n", "", "heap after GC", "RSS");
    System.out.printf("%-28s %13.1f MB %13.1f MB%n", "baseline: 0 streams", mb(heap0), mb(rss0));
    System.out.printf("%-28s %13.1f MB %13.1f MB%n", open + " idle streams", mb(heap1), mb(rss1));
    System.out.printf(
        "%-28s %13.1f KB %13.1f KB%n",
        "per stream (minus baseline)",
        (heap1 - heap0) / 1024.0 / Math.max(1, open),
        (rss1 - rss0) / 1024.0 / Math.max(1, open));
    System.out.printf(
        "%-28s %15.2fx %15.2fx%n", "ratio to baseline", ratio(heap1, heap0), ratio(rss1, rss0));
    System.out.printf(
        "%nTarget (issue 9): %d idle SSE streams within 512 MB of heap: %s (%.0f MB used after GC,"
            + " -Xmx512m)%n",
        streams, open == streams && heap1 < 512L * 1024 * 1024 ? "met" : "NOT met", mb(heap1));
  }

  private static List<String> histogram(long pid) throws Exception {
    Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
    Process jcmd =
        new ProcessBuilder(
                java.resolveSibling("jcmd").toString(), Long.toString(pid), "GC.class_histogram")
            .redirectErrorStream(true)
            .start();
    List<String> lines = jcmd.inputReader(StandardCharsets.UTF_8).lines().toList();
    jcmd.waitFor(60, TimeUnit.SECONDS);
    return lines;
  }

  private static double mb(long bytes) {
    return bytes / 1024.0 / 1024.0;
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
