package io.sluice.gateway.stream;

import io.sluice.broker.StartPosition;
import io.sluice.gateway.identity.Identity;
import io.sluice.subject.SubjectPattern;

/**
 * A stream request that passed its checks: who asked, for which pattern, from where, and the id a
 * client resumes after when the stream overflows before writing anything (null for none).
 */
record StreamRequest(
    Identity identity, SubjectPattern pattern, StartPosition start, String resumeFrom) {}
