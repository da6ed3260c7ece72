package io.prax.identity;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.prax.platform.RetryLater;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every password hash goes through here: at most {@code concurrency} at once (Argon2id
 * takes 19 MiB and a core each), waiting at most {@code wait} for a turn, then 503
 * {@code busy} with {@code Retry-After}. A burst of sign-ins thus neither queues without
 * limit nor fills the heap. Callers hash outside any transaction, so no pooled connection
 * waits on a hash.
 */
@Component
public class PasswordHashing {

	/** Problem code when every hashing slot stays taken. */
	public static final String BUSY = "busy";

	private final PasswordEncoder encoder;

	private final Semaphore slots;

	private final Duration wait;

	@Autowired
	PasswordHashing(PasswordEncoder encoder, PasswordHashingProperties settings) {
		this(encoder, settings.concurrency(), settings.slotWait());
	}

	PasswordHashing(PasswordEncoder encoder, int concurrency, Duration wait) {
		this.encoder = encoder;
		this.slots = new Semaphore(concurrency > 0 ? concurrency : 2 * Runtime.getRuntime().availableProcessors(),
				true);
		this.wait = wait;
	}

	/** How a password compared with a stored hash. */
	enum Match {

		NO, YES,
		/**
		 * Right, but the hash is outdated (not Argon2id, or made of the password before
		 * NFKC): hash it again.
		 */
		YES_REHASH;

		boolean matched() {
			return this != NO;
		}

	}

	boolean matches(String password, String hash) {
		return verify(password, hash).matched();
	}

	/**
	 * Compares the NFKC form of {@code password}; hashes made before passwords were
	 * normalised (or imported from elsewhere) were made of the password as typed, so that
	 * form is tried as well when it differs, and a match asks for a new hash of the
	 * normalised form.
	 */
	Match verify(String password, String hash) {
		String normalized = PasswordPolicy.normalize(password);
		return bounded(() -> {
			if (encoder.matches(normalized, hash)) {
				return encoder.upgradeEncoding(hash) ? Match.YES_REHASH : Match.YES;
			}
			return !normalized.equals(password) && encoder.matches(password, hash) ? Match.YES_REHASH : Match.NO;
		});
	}

	/** The Argon2id hash of the password's NFKC form. */
	String encode(String password) {
		String normalized = PasswordPolicy.normalize(password);
		return bounded(() -> encoder.encode(normalized));
	}

	boolean upgradeEncoding(String hash) {
		return encoder.upgradeEncoding(hash);
	}

	private <T> T bounded(Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// A hash inside a transaction would hold a pooled connection for its whole
			// duration.
			throw new IllegalStateException("Password hashing must run outside a transaction");
		}
		boolean acquired;
		try {
			acquired = slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			throw new RetryLater(HttpStatus.SERVICE_UNAVAILABLE, BUSY,
					"Prax is busy checking other passwords; try again in a moment", Duration.ofSeconds(1));
		}
		try {
			return work.get();
		}
		finally {
			slots.release();
		}
	}

}
