/**
 * Gateway configuration: one YAML file plus environment overrides, read into immutable records.
 *
 * <p>{@link io.sluice.gateway.config.ConfigLoader} reads the file, applies {@code SLUICE_*}
 * environment variables (the dotted key upper-cased, dots and camel-case humps turned into
 * underscores: {@code limits.maxBodyBytes} is {@code SLUICE_LIMITS_MAX_BODY_BYTES}), and checks
 * every key. Every bad or unknown key is reported at once, by dotted name, in an {@link
 * io.sluice.gateway.config.InvalidConfigException}; a gateway never starts on a configuration with
 * a problem. The {@code identity}, {@code policy} and {@code broker.settings} sections are passed
 * through as maps to the components that own them.
 */
package io.sluice.gateway.config;
