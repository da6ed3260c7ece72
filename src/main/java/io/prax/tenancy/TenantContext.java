package io.prax.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant the current thread works for. Set from the authenticated session by the
 * session filter, or explicitly for start-up and login; everything tenant-scoped
 * (Hibernate, PostgreSQL RLS) reads it.
 */
public final class TenantContext {

	/** Stands for "no tenant": matches no row, so a forgotten context fails closed. */
	static final UUID NO_TENANT = new UUID(0, 0);

	private static final ThreadLocal<TenantId> CURRENT = new ThreadLocal<>();

	private TenantContext() {
	}

	public static Optional<TenantId> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	public static TenantId require() {
		return current().orElseThrow(() -> new IllegalStateException("No tenant in context"));
	}

	/**
	 * Runs {@code work} for {@code tenant}, restoring the previous context afterwards.
	 */
	public static <T> T call(TenantId tenant, Supplier<T> work) {
		TenantId previous = CURRENT.get();
		CURRENT.set(tenant);
		try {
			return work.get();
		}
		finally {
			restore(previous);
		}
	}

	public static void run(TenantId tenant, Runnable work) {
		call(tenant, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * Binds {@code tenant} until {@link #clear()}: for filters that wrap a whole request.
	 */
	public static void bind(TenantId tenant) {
		CURRENT.set(tenant);
	}

	public static void clear() {
		CURRENT.remove();
	}

	static UUID currentOrNone() {
		TenantId tenant = CURRENT.get();
		return tenant != null ? tenant.value() : NO_TENANT;
	}

	private static void restore(TenantId previous) {
		if (previous == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(previous);
		}
	}

}
