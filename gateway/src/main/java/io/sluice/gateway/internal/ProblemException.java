package io.sluice.gateway.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Carries a {@link Problem} out of a pipeline stage; cheap (no stack trace). */
final class ProblemException extends RuntimeException {
  private final transient Problem problem;

  ProblemException(Problem problem) {
    super(problem.slug() + ": " + problem.detail(), null, false, false);
    this.problem = problem;
  }

  Problem problem() {
    return problem;
  }

  /** The problem a failure stands for; anything unexpected becomes a 500 without details. */
  static Problem toProblem(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof ProblemException p ? p.problem() : Problems.fromFailure(t);
  }
}
