package io.sluice.contracts;

/** The kinds of schema change that can break a reader, named as a change from old to new. */
public enum ChangeKind {
  /** A member the old schema allowed is gone and the new schema rejects unknown members. */
  FIELD_REMOVED,
  /** A new member is required, so old data (which never has it) fails. */
  FIELD_ADDED_AS_REQUIRED,
  /** An existing optional member became required. */
  FIELD_MADE_REQUIRED,
  /** A member old readers require may now be missing. */
  REQUIRED_FIELD_REMOVED,
  /** A member old readers require became optional. */
  FIELD_MADE_OPTIONAL,
  /** A member was added, and old readers reject unknown members. */
  FIELD_ADDED,
  /** The new schema accepts fewer JSON types than the old one. */
  TYPE_NARROWED,
  /** The new schema accepts more JSON types than old readers do. */
  TYPE_WIDENED,
  /** The accepted JSON types differ in both directions. */
  TYPE_CHANGED,
  /** An enum or const value the old schema allowed is gone. */
  ENUM_VALUE_REMOVED,
  /** An enum value was added that old readers do not know. */
  ENUM_VALUE_ADDED,
  /** A bound, length, pattern, format or uniqueness rule became stricter or appeared. */
  CONSTRAINT_TIGHTENED,
  /** A bound, length, pattern, format or uniqueness rule became looser or disappeared. */
  CONSTRAINT_LOOSENED,
  /** {@code additionalProperties} became {@code false}. */
  ADDITIONAL_PROPERTIES_CLOSED,
  /** {@code additionalProperties: false} was lifted, so old closed readers see unknown members. */
  ADDITIONAL_PROPERTIES_OPENED,
  /** A composition or reference keyword changed and compatibility cannot be proved. */
  COMPOSITION_CHANGED
}
