package io.prax.bench;

import java.time.Clock;

import io.prax.tenancy.TenantId;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Customers by the million with {@code generate_series}, in chunks of one transaction
 * each, as the application role under row-level security. Names are two words of a
 * hundred and a number, so a search for one word matches about 2 % of a tenant's
 * customers, spread over the whole name order.
 */
@Component
@Profile(BenchmarkProfile.NAME)
class BulkCustomers {

	static final String[] WORDS = { "alder", "birch", "cedar", "maple", "spruce", "willow", "poplar", "juniper",
			"hazel", "rowan", "amber", "cobalt", "crimson", "indigo", "scarlet", "violet", "ochre", "umber", "sable",
			"ivory", "falcon", "heron", "otter", "badger", "lynx", "marten", "osprey", "plover", "raven", "wren",
			"harbor", "summit", "canyon", "meadow", "prairie", "tundra", "lagoon", "delta", "fjord", "glacier",
			"quartz", "garnet", "topaz", "onyx", "jasper", "beryl", "opal", "pearl", "coral", "flint", "anvil",
			"bellows", "chisel", "forge", "lathe", "quill", "sextant", "tiller", "winch", "yoke", "apricot", "damson",
			"fig", "guava", "kumquat", "lychee", "mango", "nutmeg", "olive", "quince", "nimbus", "zephyr", "aurora",
			"comet", "nova", "orbit", "pulsar", "quasar", "vortex", "zenith", "atlas", "beacon", "citadel", "dynamo",
			"emblem", "fathom", "gable", "helix", "keystone", "lantern", "mosaic", "nexus", "obelisk", "pinnacle",
			"rampart", "sentinel", "trellis", "vertex", "warden", "zodiac" };

	private static final int CHUNK = 100_000;

	private final TenantWork work;

	private final Clock clock;

	BulkCustomers(TenantWork work, Clock clock) {
		this.work = work;
		this.clock = clock;
	}

	/** Adds {@code count} customers to {@code tenant}, numbered after the ones it has. */
	long add(TenantId tenant, long count) {
		long first = work.in(tenant, jdbc -> jdbc.queryForObject("select count(*) from customer", Long.class)) + 1;
		long base = clock.millis() - count;
		for (long from = first; from < first + count; from += CHUNK) {
			long to = Math.min(from + CHUNK - 1, first + count - 1);
			long start = from;
			work.in(tenant, jdbc -> jdbc.update("insert into customer (tenant_id, id, name, email, billing_country, "
					+ "version, created_at, updated_at) select ?, " + SqlIds.uuid7("?::bigint + g", "'c' || g")
					+ ", initcap(w[1 + (hashint8(g) & 2147483647) % 100]) || ' ' "
					+ "|| initcap(w[1 + (hashint8(g + 7777777) & 2147483647) % 100]) || ' ' || g, "
					+ "'billing' || g || '@example.com', 'DE', 0, now(), now() "
					+ "from generate_series(?::bigint, ?::bigint) g, (select string_to_array(?, ',') as w) words",
					tenant.value(), base, start, to, String.join(",", WORDS)));
		}
		return count;
	}

}
