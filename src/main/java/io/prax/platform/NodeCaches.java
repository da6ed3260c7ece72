package io.prax.platform;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Component;

/**
 * This node's {@link NodeCache}s and what keeps them coherent with the database: a change
 * notice per tenant (from this node's commits and, through
 * {@code LISTEN prax_cache_changed}, from every node), and the health of that channel.
 * While the channel is not healthy no cache is used (fail closed), and losing or
 * re-establishing it forgets everything.
 */
@Component
public class NodeCaches {

	/**
	 * The channel the {@code prax_cache_changed()} trigger notifies, with the tenant id
	 * as payload.
	 */
	public static final String CHANNEL = "prax_cache_changed";

	private final List<NodeCache<?, ?>> caches = new CopyOnWriteArrayList<>();

	/**
	 * Moves on every invalidation, so a load that raced one is not cached (see
	 * NodeCache#get).
	 */
	private final AtomicLong epoch = new AtomicLong();

	private volatile BooleanSupplier channelHealthy = () -> false;

	/**
	 * Tells whether change notices currently reach this node; until set, no cache is
	 * used.
	 */
	public void trustWhile(BooleanSupplier healthy) {
		this.channelHealthy = healthy;
	}

	boolean trusted() {
		return channelHealthy.getAsBoolean();
	}

	long epoch() {
		return epoch.get();
	}

	/**
	 * A bounded cache whose entries live at most {@code maxAge} and go at every change of
	 * their tenant.
	 */
	public <K, V> NodeCache<K, V> create(String name, long maximumSize, java.time.Duration maxAge) {
		NodeCache<K, V> cache = new NodeCache<>(this, name, maximumSize, maxAge);
		caches.add(cache);
		return cache;
	}

	/**
	 * Rows of {@code tenant} that some cache holds changed (committed, here or on another
	 * node).
	 */
	public void tenantChanged(UUID tenant) {
		epoch.incrementAndGet();
		caches.forEach(cache -> cache.forgetTenant(tenant));
	}

	/** Entries held by all caches together (tests, diagnostics). */
	public long entries() {
		return caches.stream().mapToLong(NodeCache::size).sum();
	}

	/**
	 * Forget everything: the channel was lost or re-established, or a change has no
	 * single tenant.
	 */
	public void forgetAll() {
		epoch.incrementAndGet();
		caches.forEach(NodeCache::forgetAll);
	}

}
