package io.prax.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A per-node cache of rows of one tenant (Caffeine, bounded in size and age), invalidated
 * per tenant by {@link NodeCaches}. Only present values are cached; while the change
 * channel is unhealthy every call loads.
 */
public final class NodeCache<K, V> {

	private record Key<K>(UUID tenant, K key) {
	}

	private final NodeCaches owner;

	private final String name;

	private final Cache<Key<K>, V> entries;

	NodeCache(NodeCaches owner, String name, long maximumSize, Duration maxAge) {
		this.owner = owner;
		this.name = name;
		this.entries = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(maxAge).build();
	}

	/**
	 * The cached value, or {@code load}'s, which is kept unless an invalidation raced it.
	 */
	public Optional<V> get(UUID tenant, K key, Supplier<Optional<V>> load) {
		if (!owner.trusted()) {
			return load.get();
		}
		Key<K> k = new Key<>(tenant, key);
		V cached = entries.getIfPresent(k);
		if (cached != null) {
			return Optional.of(cached);
		}
		long before = owner.epoch();
		Optional<V> loaded = load.get();
		if (loaded.isPresent() && owner.trusted() && owner.epoch() == before) {
			entries.put(k, loaded.get());
			// An invalidation between the check and the put may have missed this entry:
			// check again.
			if (owner.epoch() != before) {
				entries.invalidate(k);
			}
		}
		return loaded;
	}

	void forgetTenant(UUID tenant) {
		entries.asMap().keySet().removeIf(k -> k.tenant().equals(tenant));
	}

	void forgetAll() {
		entries.invalidateAll();
	}

	public long size() {
		return entries.estimatedSize();
	}

	@Override
	public String toString() {
		return "NodeCache[" + name + "]";
	}

}
