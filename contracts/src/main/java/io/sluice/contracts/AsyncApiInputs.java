package io.sluice.contracts;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the AsyncAPI document is generated from: the running gateway's configuration.
 *
 * @param server the gateway
 * @param channels configured subject patterns
 * @param schemas registered schemas, each becoming a message (see {@link SchemaRegistry#all()})
 * @param security schemes in use
 * @param mode how the envelope travels
 */
public record AsyncApiInputs(
    ServerInfo server,
    List<ChannelDescription> channels,
    List<RegisteredSchema> schemas,
    Set<SecurityScheme> security,
    EnvelopeMode mode) {
  public AsyncApiInputs {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(mode, "mode");
    channels = List.copyOf(channels);
    schemas = List.copyOf(schemas);
    security = Set.copyOf(security);
  }
}
