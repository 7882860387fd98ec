package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.broker.BrokerProvider;
import io.sluice.broker.Capability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The capability table in docs/brokers/README.md is the adapters' declared capabilities, not a
 * hand-kept copy: this test rebuilds it from every {@link BrokerProvider} and compares.
 */
class BrokerComparisonDocTest {
  private static final Path DOC = Path.of("..", "docs", "brokers", "README.md");
  private static final String BEGIN = "<!-- capabilities:begin -->";
  private static final String END = "<!-- capabilities:end -->";
  private static final List<String> ORDER =
      List.of("mem", "embedded", "nats", "kafka", "pulsar", "amqp", "redis");

  @Test
  void capabilityTable_matchesWhatEveryAdapterDeclares() throws Exception {
    String doc = Files.readString(DOC);
    String table = doc.substring(doc.indexOf(BEGIN) + BEGIN.length(), doc.indexOf(END)).strip();

    assertThat(table)
        .as("docs/brokers/README.md is out of date; replace the table with:%n%s", expected())
        .isEqualTo(expected());
  }

  @Test
  void everyAdapterIsInTheTable() {
    assertThat(providers())
        .extracting(BrokerComparisonDocTest::scheme)
        .containsExactlyElementsOf(ORDER);
  }

  private static String expected() {
    List<BrokerProvider> providers = providers();
    StringBuilder out = new StringBuilder("| capability |");
    providers.forEach(p -> out.append(" `").append(scheme(p)).append(":` |"));
    out.append("\n|---|").append("---|".repeat(providers.size()));
    for (Capability c : Capability.values()) {
      out.append("\n| `").append(c).append("` |");
      providers.forEach(p -> out.append(p.capabilities().contains(c) ? " yes |" : " no |"));
    }
    return out.toString();
  }

  private static List<BrokerProvider> providers() {
    return ServiceLoader.load(BrokerProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparingInt(p -> ORDER.indexOf(scheme(p))))
        .collect(Collectors.toList());
  }

  private static String scheme(BrokerProvider p) {
    return ORDER.stream().filter(p.schemes()::contains).findFirst().orElse(p.schemes().toString());
  }
}
