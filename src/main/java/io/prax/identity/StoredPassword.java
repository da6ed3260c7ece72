package io.prax.identity;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What checking a password needs, read in a short transaction so the hash runs without a
 * connection; {@code earlierHashes} are those a new password must not match (history
 * rule), else empty.
 */
record StoredPassword(UserAccount account, @Nullable String hash, UserStatus status, List<String> earlierHashes) {

	StoredPassword {
		earlierHashes = List.copyOf(earlierHashes);
	}

	StoredPassword(UserAccount account, @Nullable String hash, UserStatus status) {
		this(account, hash, status, List.of());
	}

}
