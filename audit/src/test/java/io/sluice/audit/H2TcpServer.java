package io.sluice.audit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.tools.Server;

/** A real H2 TCP server the tests stop and start to take the store away and bring it back. */
final class H2TcpServer implements AutoCloseable {
  private final Path baseDir;
  private final int port;
  private Server server;

  H2TcpServer(Path baseDir) throws IOException {
    this.baseDir = baseDir;
    try (ServerSocket s = new ServerSocket(0)) {
      this.port = s.getLocalPort();
    }
  }

  String url(String db) {
    return "jdbc:h2:tcp://127.0.0.1:" + port + "/" + db;
  }

  H2TcpServer start() throws SQLException {
    server =
        Server.createTcpServer(
                "-tcpPort", String.valueOf(port), "-baseDir", baseDir.toString(), "-ifNotExists")
            .start();
    return this;
  }

  boolean running() {
    return server != null;
  }

  void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
