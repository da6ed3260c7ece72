package io.prax.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.prax.platform.RetryLater;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * At most a few password hashes run at once; over the bound a caller is refused quickly,
 * not queued.
 */
class PasswordHashingTests {

	/** Hashes that take as long as the test wants, counting how many run at once. */
	static final class SlowEncoder implements PasswordEncoder {

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger mostAtOnce = new AtomicInteger();

		@Override
		public String encode(CharSequence raw) {
			int now = running.incrementAndGet();
			mostAtOnce.accumulateAndGet(now, Math::max);
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				running.decrementAndGet();
			}
			return "hash";
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			encode(raw);
			return false;
		}

	}

	@Test
	void refusesQuicklyWith503AndRetryAfterWhileEverySlotIsTaken() throws Exception {
		SlowEncoder encoder = new SlowEncoder();
		PasswordHashing hashing = new PasswordHashing(encoder, 2, Duration.ofMillis(100));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Boolean>> busy = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				busy.add(pool.submit(() -> hashing.matches("guess", "hash")));
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (encoder.running.get() < 2 && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			assertThat(encoder.running.get()).isEqualTo(2);

			long start = System.nanoTime();
			RetryLater refused = catchThrowableOfType(RetryLater.class, () -> hashing.matches("one more", "hash"));
			long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

			assertThat(refused).isNotNull();
			assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(refused.code()).isEqualTo(PasswordHashing.BUSY);
			assertThat(refused.retryAfterSeconds()).isPositive();
			assertThat(waited).isBetween(90L, 2_000L);
			encoder.release.countDown();
			for (Future<Boolean> call : busy) {
				assertThat(call.get(10, TimeUnit.SECONDS)).isFalse();
			}
			assertThat(encoder.mostAtOnce.get()).isEqualTo(2);
			assertThat(hashing.encode("after the burst")).isEqualTo("hash");
		}
		finally {
			encoder.release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void neverRunsMoreThanTheBoundAtOnce() throws Exception {
		SlowEncoder encoder = new SlowEncoder();
		PasswordHashing hashing = new PasswordHashing(encoder, 3, Duration.ofSeconds(20));
		ExecutorService pool = Executors.newFixedThreadPool(12);
		try {
			List<Future<String>> calls = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				calls.add(pool.submit(() -> hashing.encode("password")));
			}
			Thread.sleep(200);
			encoder.release.countDown();
			for (Future<String> call : calls) {
				assertThat(call.get(20, TimeUnit.SECONDS)).isEqualTo("hash");
			}
			assertThat(encoder.mostAtOnce.get()).isEqualTo(3);
		}
		finally {
			encoder.release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void refusesToHashInsideATransaction() {
		PasswordHashing hashing = new PasswordHashing(new SlowEncoder(), 1, Duration.ofMillis(10));
		org.springframework.transaction.support.TransactionSynchronizationManager.setActualTransactionActive(true);
		try {
			assertThatThrownBy(() -> hashing.encode("password")).isInstanceOf(IllegalStateException.class);
		}
		finally {
			org.springframework.transaction.support.TransactionSynchronizationManager.setActualTransactionActive(false);
		}
	}

}
