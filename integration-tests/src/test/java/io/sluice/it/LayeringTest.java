package io.sluice.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The module layering from the architecture notes, enforced on the compiled classes. */
class LayeringTest {
  private static final String[] BROKER_CLIENTS = {
    "io.nats..",
    "org.apache.kafka..",
    "org.apache.pulsar..",
    "com.rabbitmq..",
    "io.lettuce..",
    "org.h2.."
  };
  private static final List<String> ADAPTERS =
      List.of(
          "io.sluice.nats..",
          "io.sluice.embedded..",
          "io.sluice.kafka..",
          "io.sluice.pulsar..",
          "io.sluice.rabbitmq..",
          "io.sluice.redis..");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sluice");
  }

  @Test
  void importer_seesTheModulesItJudges() {
    org.assertj.core.api.Assertions.assertThat(classes.contain("io.sluice.broker.Broker")).isTrue();
    org.assertj.core.api.Assertions.assertThat(classes.containPackage("io.sluice.gateway.identity"))
        .isTrue();
  }

  @Test
  void core_dependsOnNoBrokerClient() {
    noClasses()
        .that()
        .resideInAnyPackage("io.sluice.envelope..", "io.sluice.subject..", "io.sluice.broker..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(BROKER_CLIENTS)
        .check(classes);
  }

  @Test
  void core_dependsOnNoOtherSluiceModule() {
    noClasses()
        .that()
        .resideInAnyPackage("io.sluice.envelope..", "io.sluice.subject..", "io.sluice.broker..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            concat(
                ADAPTERS, List.of("io.sluice.gateway..", "io.sluice.cli..", "io.sluice.testkit..")))
        .check(classes);
  }

  @TestFactory
  List<DynamicTest> adapters_doNotDependOnEachOtherOrOnTheGateway() {
    return ADAPTERS.stream()
        .map(
            adapter ->
                DynamicTest.dynamicTest(
                    adapter + " depends on no other adapter",
                    () ->
                        noClasses()
                            .that()
                            .resideInAPackage(adapter)
                            .should()
                            .dependOnClassesThat()
                            .resideInAnyPackage(
                                concat(
                                    ADAPTERS.stream().filter(a -> !a.equals(adapter)).toList(),
                                    List.of("io.sluice.gateway..", "io.sluice.cli..")))
                            .check(classes)))
        .toList();
  }

  @Test
  void gateway_reachesBrokersOnlyThroughTheSpi() {
    noClasses()
        .that()
        .resideInAPackage("io.sluice.gateway..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(ADAPTERS, List.of(BROKER_CLIENTS)))
        .check(classes);
  }

  private static String[] concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
  }
}
