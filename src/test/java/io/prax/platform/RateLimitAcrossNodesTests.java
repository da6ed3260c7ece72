package io.prax.platform;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import io.prax.support.PraxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two rate-limit filters on one database are two nodes: with the API families' local
 * share (5 % of 200 = 10 tokens per node) a burst across both nodes is admitted at most 2
 * × 10 beyond the limit, and the auth family stays exact.
 */
@PraxIntegrationTest
class RateLimitAcrossNodesTests {

	static final RateLimitSettings.Limit LIMIT = new RateLimitSettings.Limit(200, Duration.ofHours(1));

	static final RateLimitSettings SETTINGS = new RateLimitSettings(true, LIMIT, LIMIT, LIMIT, LIMIT,
			Duration.ofMinutes(10), 5);

	@Autowired
	DataSource dataSource;

	@Test
	void apiLimitHoldsAcrossTwoNodesWithinTheLocalShare() {
		RateLimitFilter nodeA = new RateLimitFilter(SETTINGS, dataSource);
		RateLimitFilter nodeB = new RateLimitFilter(SETTINGS, dataSource);
		String client = "user:" + UUID.randomUUID();

		int admitted = 0;
		for (int i = 0; i < 600; i++) {
			RateLimitFilter node = i % 2 == 0 ? nodeA : nodeB;
			if (node.consume(RateLimitFilter.Family.API_READ, client).isConsumed()) {
				admitted++;
			}
		}

		assertThat(admitted).isBetween(200, 200 + 2 * 10);
		assertThat(nodeA.consume(RateLimitFilter.Family.API_READ, client).isConsumed()).isFalse();
		assertThat(nodeB.consume(RateLimitFilter.Family.API_READ, client).isConsumed()).isFalse();
		// A third node, new to the bucket, sees what the other two admitted.
		assertThat(
				new RateLimitFilter(SETTINGS, dataSource).consume(RateLimitFilter.Family.API_READ, client).isConsumed())
			.isFalse();
	}

	@Test
	void authLimitIsExactAcrossTwoNodes() {
		RateLimitFilter nodeA = new RateLimitFilter(SETTINGS, dataSource);
		RateLimitFilter nodeB = new RateLimitFilter(SETTINGS, dataSource);
		String client = "ip:198.51.100." + (1 + (int) (Math.random() * 250)) + ":" + UUID.randomUUID();

		int admitted = 0;
		for (int i = 0; i < 300; i++) {
			RateLimitFilter node = i % 2 == 0 ? nodeA : nodeB;
			if (node.consume(RateLimitFilter.Family.AUTH, client).isConsumed()) {
				admitted++;
			}
		}

		assertThat(admitted).isEqualTo(200);
	}

	@Test
	void sharedBucketLagsANodeByAtMostItsLocalShare() {
		RateLimitFilter node = new RateLimitFilter(SETTINGS, dataSource);
		String client = "user:" + UUID.randomUUID();
		for (int i = 0; i < 100; i++) {
			assertThat(node.consume(RateLimitFilter.Family.API_READ, client).isConsumed()).isTrue();
		}
		// A node new to the bucket sees at least all but the first node's unsynchronized
		// share.
		long remaining = new RateLimitFilter(SETTINGS, dataSource).consume(RateLimitFilter.Family.API_READ, client)
			.getRemainingTokens();
		assertThat(remaining).isBetween(200L - 100 - 1, 200L - 100 + 10);
	}

}
