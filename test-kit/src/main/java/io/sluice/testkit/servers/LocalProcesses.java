package io.sluice.testkit.servers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What every server helper needs: its binary, a free port, and a clean stop by PID. */
final class LocalProcesses {
  private static final List<String> SYSTEM_DIRS =
      List.of("/usr/bin", "/usr/sbin", "/usr/local/bin");

  private LocalProcesses() {}

  /** The executable {@code name} on the PATH or in the system folders; fails with how to get it. */
  static String binary(String name, String howToInstall) {
    List<String> dirs =
        new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
    dirs.addAll(SYSTEM_DIRS);
    for (String dir : dirs) {
      File candidate = new File(dir, name);
      if (!dir.isEmpty() && candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    throw new IllegalStateException(
        name
            + " is not installed (looked on the PATH and in "
            + SYSTEM_DIRS
            + "): "
            + howToInstall);
  }

  /** A port nothing listens on at the moment, on the loopback address. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  /** Stops the process by its PID, forcibly when it has not exited within five seconds. */
  static void stop(Process process) {
    if (process == null || !process.isAlive()) {
      return;
    }
    ProcessHandle handle = process.toHandle();
    handle.destroy();
    handle.onExit().completeOnTimeout(handle, 5, TimeUnit.SECONDS).join();
    handle.destroyForcibly();
    handle.onExit().join();
  }

  /** Kills the process at once (SIGKILL), as a crash would, and waits until it is gone. */
  static void kill(Process process) {
    process.toHandle().destroyForcibly();
    process.toHandle().onExit().join();
  }

  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dir, e);
    }
  }

  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }
}
