package io.sluice.benchmarks.baselines;

import io.nats.client.Connection;
import io.nats.client.Nats;
import java.util.concurrent.CompletableFuture;

/**
 * Baseline: HTTP POST, core NATS publish of the body, {@code 202}. No auth, no validation.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar \
 *   io.sluice.benchmarks.baselines.CoreBridgeBaseline 9001 nats://127.0.0.1:4222 bridge.core</pre>
 */
public final class CoreBridgeBaseline {
  private CoreBridgeBaseline() {}

  public static void main(String[] args) throws Exception {
    String[] a = HttpBridge.arguments(args, "CoreBridgeBaseline");
    Connection nats = Nats.connect(a[1]);
    String subject = a[2];
    HttpBridge.serve(
        Integer.parseInt(a[0]),
        body -> {
          nats.publish(subject, body.getBytes());
          return CompletableFuture.completedFuture(null);
        });
  }
}
