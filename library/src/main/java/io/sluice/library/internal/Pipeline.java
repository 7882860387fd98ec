package io.sluice.library.internal;

import io.sluice.library.ConsumerOptions;
import io.sluice.library.EventContract;
import io.sluice.library.HandlerChain;

/** Assembles the stages of a {@link HandlerChain}: dead-letter(retry(idempotency(invoke))). */
final class Pipeline {
  private Pipeline() {}

  static <T> Stage build(
      ClientContext context,
      EventContract<T> contract,
      HandlerChain<T> chain,
      ConsumerOptions options) {
    Stage stage = new InvokeStage<>(context, contract, chain.handler(), options.name());
    if (chain.idempotency().isPresent()) {
      stage = new IdempotencyStage(stage, chain.idempotency().get(), options.broker().ackWait());
    }
    stage = new RetryStage(stage, chain.retry());
    if (chain.deadLetter().isPresent()) {
      stage = new DeadLetterStage(stage, context, chain.deadLetter().get(), chain.retry());
    }
    return stage;
  }
}
