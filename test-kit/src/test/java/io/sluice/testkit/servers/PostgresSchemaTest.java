package io.sluice.testkit.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** A schema of its own for a test class and its nested classes, gone once the class is done. */
class PostgresSchemaTest {
  static final Set<String> SCHEMAS = ConcurrentHashMap.newKeySet();

  /** Run only through the launcher below. */
  static class OneClass {
    @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

    @Test
    void outer() throws SQLException {
      DB.run("CREATE TABLE outer_table (id int)");
      SCHEMAS.add(currentSchema());
    }

    @Nested
    class Inner {
      @Test
      void inner() throws SQLException {
        SCHEMAS.add(currentSchema());
      }
    }

    static String currentSchema() throws SQLException {
      try (Connection c = DB.dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT current_schema()")) {
        r.next();
        return r.getString(1);
      }
    }
  }

  @Test
  void schema_isSharedWithNestedClasses_andDroppedAfterTheClass() throws SQLException {
    List<TestExecutionResult> results = run(OneClass.class);

    assertThat(results)
        .hasSize(2)
        .allMatch(r -> r.getStatus() == TestExecutionResult.Status.SUCCESSFUL);
    assertThat(SCHEMAS).singleElement().asString().startsWith("oneclass_");
    assertThat(exists(SCHEMAS.iterator().next())).isFalse();
  }

  private static boolean exists(String schema) throws SQLException {
    try (Connection c =
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
        PreparedStatement s =
            c.prepareStatement("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
      s.setString(1, schema);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  private static List<TestExecutionResult> run(Class<?> testClass) {
    List<TestExecutionResult> results = new CopyOnWriteArrayList<>();
    TestExecutionListener listener =
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
              results.add(result);
            }
          }
        };
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
            listener);
    return results;
  }
}
