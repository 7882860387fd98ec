package io.sluice.examples.onboarding;

import io.sluice.library.EventType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/** The event contract: a user signed up. */
@EventType(name = "user.created", version = 1)
public record UserCreated(@NotBlank String userId, @NotBlank @Email String email) {}
