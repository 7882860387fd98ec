package io.sluice.library;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

@EventType(name = "user.created", version = 1)
public record UserCreated(@NotBlank String userId, @NotBlank @Email String email) {}
