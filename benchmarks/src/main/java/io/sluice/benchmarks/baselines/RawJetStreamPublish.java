package io.sluice.benchmarks.baselines;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

/**
 * Baseline: raw jnats {@code publishAsync} of the same event bodies, at most {@value #IN_FLIGHT}
 * acks awaited at once, into a file stream. Prints {@code events/s <n>} over the measured seconds.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.sluice.benchmarks.baselines.RawJetStreamPublish \
 *   nats://127.0.0.1:4222 raw.events body.json 3 5</pre>
 */
public final class RawJetStreamPublish {
  static final int IN_FLIGHT = 1000;

  private RawJetStreamPublish() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println(
          "usage: RawJetStreamPublish <nats url> <subject> <body file> <warm-up s> <measure s>");
      System.exit(2);
    }
    try (Connection nats = Nats.connect(args[0])) {
      Streams.ensureFileStream(nats, args[1]);
      byte[] body = Files.readString(Path.of(args[2])).getBytes(StandardCharsets.UTF_8);
      Publisher publisher = new Publisher(nats.jetStream(), args[1], body);
      publisher.runFor(Long.parseLong(args[3]) * 1_000_000_000L);
      long seconds = Long.parseLong(args[4]);
      long acked = publisher.runFor(seconds * 1_000_000_000L);
      System.out.printf("events/s %d%n", acked / seconds);
    }
  }

  /** Keeps {@value #IN_FLIGHT} publishes in flight and counts their acks. */
  private record Publisher(JetStream jetStream, String subject, byte[] body) {
    long runFor(long nanos) throws InterruptedException {
      Semaphore window = new Semaphore(IN_FLIGHT);
      LongAdder acked = new LongAdder();
      long end = System.nanoTime() + nanos;
      while (System.nanoTime() < end) {
        window.acquire();
        jetStream
            .publishAsync(subject, body)
            .whenComplete(
                (ack, error) -> {
                  if (error == null) {
                    acked.increment();
                  }
                  window.release();
                });
      }
      long counted = acked.sum();
      window.acquire(IN_FLIGHT);
      return counted;
    }
  }
}
