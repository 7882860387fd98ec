package io.sluice.embedded;

import io.sluice.broker.BrokerUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on {@code sluice.lock} in the data directory. The OS releases it when
 * the process dies, so a crash never leaves a stale lock behind.
 */
final class DirectoryLock implements AutoCloseable {
  static final String FILE_NAME = "sluice.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DirectoryLock acquire(Path directory) {
    FileChannel channel = open(directory);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        closeQuietly(channel);
        throw new DataDirectoryInUseException(directory, "another process");
      }
      return new DirectoryLock(channel, lock);
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new DataDirectoryInUseException(directory, "another broker in this process");
    } catch (IOException e) {
      closeQuietly(channel);
      throw new BrokerUnavailableException("cannot lock data directory '" + directory + "'", e);
    }
  }

  private static FileChannel open(Path directory) {
    try {
      Files.createDirectories(directory);
      return FileChannel.open(
          directory.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new BrokerUnavailableException(
          "cannot create data directory '" + directory + "': " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // the channel is closed next, which releases the lock as well
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
