package io.sluice.gateway.policy;

import io.sluice.gateway.identity.Identity;
import java.util.function.Consumer;

/** The current policy, possibly reloaded from a file while the gateway runs. */
public interface PolicySource extends AutoCloseable {

  /** The policy in force now; cheap, call it per request. */
  PolicyEngine current();

  /** A short content hash of the policy in force. */
  String version();

  /** Decides like {@link #current()} and also says, per role, which rule allowed or denied. */
  Explanation explain(Identity identity, Action action, String target);

  /** Called with a reason each time a reload fails and the previous policy stays in force. */
  void onReloadFailure(Consumer<String> listener);

  /** Stops watching the policy file, if any. */
  @Override
  void close();
}
