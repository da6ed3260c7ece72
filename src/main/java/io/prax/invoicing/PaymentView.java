package io.prax.invoicing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A recorded payment; {@code amount} is a decimal string in the invoice's currency. */
public record PaymentView(UUID id, String amount, LocalDate paidOn, Instant recordedAt, @Nullable UUID recordedBy) {
}
