package io.sluice.embedded;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.StartPosition;
import io.sluice.broker.SubscribeOptions;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * The process {@link CrashSafetyTest} kills: publishes durable events and consumes them in group
 * {@code crash}, printing {@code PUB <sequence> <id>} once a publish is acknowledged, {@code DLV
 * <id>} on every delivery and {@code ACK <id>} once an ack is confirmed durable. Runs until killed.
 *
 * <p>Arguments: data directory, round name, fsync policy.
 */
public final class CrashingPublisher {
  private static final int IN_FLIGHT = 16;

  private CrashingPublisher() {}

  public static void main(String[] args) throws InterruptedException {
    var out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    Broker broker =
        Broker.connect(BrokerSpec.of("embedded:" + args[0]).withSettings(Map.of("fsync", args[2])));
    var options =
        SubscribeOptions.group("crash").withStart(StartPosition.all()).withMaxInFlight(IN_FLIGHT);
    broker.subscribe(
        SubjectPattern.of("crash.>"),
        options,
        d -> {
          out.println("DLV " + d.event().id());
          d.ack().thenRun(() -> out.println("ACK " + d.event().id()));
        });
    publishUntilKilled(broker, args[1], out);
  }

  private static void publishUntilKilled(Broker broker, String round, PrintStream out)
      throws InterruptedException {
    Semaphore permits = new Semaphore(IN_FLIGHT);
    byte[] payload = new byte[256];
    Arrays.fill(payload, (byte) 'x');
    Subject subject = Subject.of("crash.events");
    for (long n = 0; ; n++) {
      permits.acquire();
      String id = round + "-" + n;
      CloudEvent event =
          CloudEvent.builder()
              .id(id)
              .source("/crash")
              .type("io.sluice.crash")
              .data(payload)
              .build();
      broker
          .publish(subject, event, AckMode.DURABLE)
          .whenComplete(
              (receipt, error) -> {
                permits.release();
                if (receipt != null) {
                  out.println("PUB " + receipt.sequence().getAsLong() + " " + id);
                }
              });
    }
  }
}
