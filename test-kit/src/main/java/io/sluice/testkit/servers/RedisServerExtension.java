package io.sluice.testkit.servers;

/**
 * One {@link RedisServer} for a test class and its {@code @Nested} classes: started before the
 * outermost class and stopped by PID after it. Register it as a static field with
 * {@code @RegisterExtension}.
 */
public final class RedisServerExtension extends PerClassServer<RedisServer> {
  @Override
  RedisServer start() {
    return RedisServer.start();
  }

  /** {@code redis://127.0.0.1:<port>}. */
  @Override
  public String url() {
    return server().url();
  }

  /** Stops the server by its PID and starts a fresh one on the same port; its data is gone. */
  public void restart() {
    server().restart();
  }
}
