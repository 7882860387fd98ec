package io.sluice.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs one nested group of a kit subclass inside a test and returns each test's result. */
final class KitRunner {
  private KitRunner() {}

  static Map<String, TestExecutionResult> run(Class<?> kit, Class<?> group) {
    Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
    TestExecutionListener listener =
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
              results.put(test.getDisplayName(), result);
            }
          }
        };
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectNestedClass(List.of(kit), group))
                .build(),
            listener);
    return results;
  }
}
