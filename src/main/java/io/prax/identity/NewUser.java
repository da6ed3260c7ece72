package io.prax.identity;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An invitation: never carries a password; the user sets one through the mailed link. */
public record NewUser(String email, String name, Tier tier, List<String> roles, @Nullable UUID customerId) {
}
