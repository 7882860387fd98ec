package io.sluice.testkit.servers;

import java.util.List;

/**
 * One {@link NatsServer} for a test class and its {@code @Nested} classes: started before the
 * outermost class, stopped by PID (also when tests fail) and its store deleted after it. Register
 * it as a static field with {@code @RegisterExtension}.
 */
public final class NatsServerExtension extends PerClassServer<NatsServer> {
  private final List<String> extraArgs;

  /** A server with JetStream and no authentication. */
  public NatsServerExtension() {
    this(List.of());
  }

  /** A server started with extra command-line options, e.g. {@code --user}, {@code --pass}. */
  public NatsServerExtension(List<String> extraArgs) {
    this.extraArgs = List.copyOf(extraArgs);
  }

  @Override
  NatsServer start() {
    return NatsServer.start(extraArgs);
  }

  /** {@code nats://127.0.0.1:<port>}. */
  @Override
  public String url() {
    return server().url();
  }

  public int port() {
    return server().port();
  }

  /** Kills the server at once (SIGKILL), as a crash would. */
  public void kill() {
    server().kill();
  }

  /** Starts the server again on the same port and store; returns once it accepts clients. */
  public void restart() {
    server().restart();
  }
}
