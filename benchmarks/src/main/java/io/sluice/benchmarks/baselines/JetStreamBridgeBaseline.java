package io.sluice.benchmarks.baselines;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;

/**
 * Baseline: HTTP POST, JetStream {@code publishAsync} of the body, {@code 202} once the PubAck
 * arrives. No auth, no validation. Creates a file stream over {@code <first subject token>.>}.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar \
 *   io.sluice.benchmarks.baselines.JetStreamBridgeBaseline 9002 nats://127.0.0.1:4222 bridge.js
 * </pre>
 */
public final class JetStreamBridgeBaseline {
  private JetStreamBridgeBaseline() {}

  public static void main(String[] args) throws Exception {
    String[] a = HttpBridge.arguments(args, "JetStreamBridgeBaseline");
    Connection nats = Nats.connect(a[1]);
    String subject = a[2];
    Streams.ensureFileStream(nats, subject);
    JetStream jetStream = nats.jetStream();
    HttpBridge.serve(
        Integer.parseInt(a[0]), body -> jetStream.publishAsync(subject, body.getBytes()));
  }
}
