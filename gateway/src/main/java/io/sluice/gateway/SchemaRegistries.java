package io.sluice.gateway;

import io.sluice.contracts.InvalidSchemaException;
import io.sluice.contracts.SchemaRegistry;
import io.sluice.contracts.SchemaStoreException;
import io.sluice.gateway.config.GatewayConfig;
import java.util.Optional;

/** Opens the schema registry the {@code schemas} section asks for; none without the section. */
final class SchemaRegistries {
  private SchemaRegistries() {}

  static Optional<SchemaRegistry> open(GatewayConfig config) {
    return config
        .schemas()
        .map(
            settings -> {
              try {
                return SchemaRegistry.open(settings);
              } catch (InvalidSchemaException | SchemaStoreException e) {
                throw new GatewayStartException(
                    "the schema registry could not be opened: " + e.getMessage(), e);
              }
            });
  }
}
