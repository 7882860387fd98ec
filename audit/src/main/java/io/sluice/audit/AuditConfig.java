package io.sluice.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of an {@link AuditLog}, read from the {@code audit:} section of the configuration with
 * {@link #fromMap} or built in code with {@link #builder()}.
 *
 * @param chain this writer's chain id; each replica writing to a shared store needs its own
 * @param queueCapacity entries held in memory before the overflow rule applies
 * @param batchSize most entries written in one transaction
 * @param retryInterval how often an unreachable store is tried again
 * @param connectTimeout how long one attempt to reach the store over the network may take; opening
 *     an embedded H2 store (file or memory) in this process is waited for up to 30 s instead
 * @param retention how old records may get before retention deletes them; empty keeps all
 */
public record AuditConfig(
    StoreConfig store,
    OnStoreFailure onStoreFailure,
    Path spoolDir,
    int queueCapacity,
    int batchSize,
    Duration retryInterval,
    Duration connectTimeout,
    Optional<Duration> retention,
    String chain) {

  public AuditConfig {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(onStoreFailure, "onStoreFailure");
    Objects.requireNonNull(spoolDir, "spoolDir");
    Objects.requireNonNull(retention, "retention");
    requireAtLeast("queueCapacity", queueCapacity, 1);
    requireAtLeast("batchSize", batchSize, 1);
    requirePositive("retryInterval", retryInterval);
    if (connectTimeout == null || connectTimeout.toMillis() < 500) {
      throw new IllegalArgumentException(
          "connectTimeout must be at least 500ms but was " + connectTimeout);
    }
    retention.ifPresent(r -> requirePositive("retention", r));
    if (chain == null || chain.isBlank() || chain.length() > 200) {
      throw new IllegalArgumentException(
          "chain must be 1..200 non-blank characters but was '" + chain + "'");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the {@code audit:} configuration section. Every unknown or bad key is added to {@code
   * problems} named by its dotted path ({@code audit.store.url}); returns null when there were any.
   */
  public static AuditConfig fromMap(Map<String, Object> section, List<String> problems) {
    return new AuditConfigReader(section, problems).read();
  }

  private static void requireAtLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + " but was " + value);
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive but was " + value);
    }
  }

  /** Builds an {@link AuditConfig}; every setting has a default. */
  public static final class Builder {
    private StoreConfig store = StoreConfig.of(StoreConfig.DEFAULT_URL);
    private OnStoreFailure onStoreFailure = OnStoreFailure.REFUSE;
    private Path spoolDir = Path.of("sluice-data", "audit-spool");
    private int queueCapacity = 10_000;
    private int batchSize = 500;
    private Duration retryInterval = Duration.ofSeconds(1);
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration retention;
    private String chain = "default";

    private Builder() {}

    public Builder store(StoreConfig store) {
      this.store = store;
      return this;
    }

    public Builder store(String url) {
      return store(StoreConfig.of(url));
    }

    public Builder onStoreFailure(OnStoreFailure onStoreFailure) {
      this.onStoreFailure = onStoreFailure;
      return this;
    }

    public Builder spoolDir(Path spoolDir) {
      this.spoolDir = spoolDir;
      return this;
    }

    public Builder queueCapacity(int queueCapacity) {
      this.queueCapacity = queueCapacity;
      return this;
    }

    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    public Builder retryInterval(Duration retryInterval) {
      this.retryInterval = retryInterval;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder retention(Duration retention) {
      this.retention = retention;
      return this;
    }

    public Builder chain(String chain) {
      this.chain = chain;
      return this;
    }

    public AuditConfig build() {
      return new AuditConfig(
          store,
          onStoreFailure,
          spoolDir,
          queueCapacity,
          batchSize,
          retryInterval,
          connectTimeout,
          Optional.ofNullable(retention),
          chain);
    }
  }
}
