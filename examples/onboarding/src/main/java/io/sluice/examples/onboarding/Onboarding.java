package io.sluice.examples.onboarding;

import io.sluice.library.Event;
import io.sluice.library.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The onboarding steps for a new user. Mail to an address whose local part ends in {@code +fail} is
 * refused by the (pretend) mail server every time, to show retries and the dead-letter subject.
 */
final class Onboarding implements EventHandler<UserCreated> {
  private static final Logger LOG = LoggerFactory.getLogger(Onboarding.class);

  @Override
  public void handle(Event<UserCreated> event) {
    UserCreated user = event.payload();
    LOG.info("attempt {}: preparing workspace for user {}", event.attempt(), user.userId());
    if (user.email().contains("+fail@")) {
      throw new IllegalStateException("mail server refused the welcome mail to " + user.email());
    }
    LOG.info("welcome mail sent to {}; user {} is onboarded", user.email(), user.userId());
  }
}
