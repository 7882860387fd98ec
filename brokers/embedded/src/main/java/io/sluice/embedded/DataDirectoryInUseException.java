package io.sluice.embedded;

import io.sluice.broker.BrokerException;
import java.nio.file.Path;

/** Another broker, in this process or another, already owns the data directory. */
public final class DataDirectoryInUseException extends BrokerException {
  private final transient Path directory;

  public DataDirectoryInUseException(Path directory, String holder) {
    super(
        "embedded broker data directory '"
            + directory
            + "' is already in use by "
            + holder
            + "; one process owns a data directory at a time: stop the other broker or use"
            + " another directory",
        null);
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
