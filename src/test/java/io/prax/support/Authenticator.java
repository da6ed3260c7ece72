package io.prax.support;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.prax.identity.Totp;

/**
 * The authenticator app of the test users: their TOTP secrets and backup codes, by
 * workspace and email. It never offers a time step twice, as Prax would refuse it; when
 * the steps around now are used up it offers backup codes.
 */
public final class Authenticator {

	private static final Map<String, Device> DEVICES = new ConcurrentHashMap<>();

	private Authenticator() {
	}

	static final class Device {

		final String secret;

		final Deque<String> backupCodes = new ArrayDeque<>();

		long lastStep = -1;

		Device(String secret) {
			this.secret = secret;
		}

	}

	public static void enrolled(String tenant, String email, String secret) {
		DEVICES.put(tenant + "|" + email.toLowerCase(), new Device(secret));
	}

	public static void backupCodes(String tenant, String email, List<String> codes) {
		Device device = DEVICES.get(tenant + "|" + email.toLowerCase());
		device.backupCodes.clear();
		device.backupCodes.addAll(codes);
	}

	/**
	 * The secret and the backup codes of a user, to look for them where they must not be.
	 */
	public static List<String> secrets(String tenant, String email) {
		Device device = DEVICES.get(tenant + "|" + email.toLowerCase());
		List<String> all = new java.util.ArrayList<>(device.backupCodes);
		all.add(device.secret);
		return all;
	}

	public static boolean knows(String tenant, String email) {
		return DEVICES.containsKey(tenant + "|" + email.toLowerCase());
	}

	/**
	 * A code Prax accepts now: the earliest unused step within ±1 of now, else a backup
	 * code.
	 */
	public static synchronized String nextCode(String tenant, String email) {
		Device device = DEVICES.get(tenant + "|" + email.toLowerCase());
		long now = Totp.step(Instant.now());
		long step = Math.max(device.lastStep + 1, now - 1);
		if (step <= now + 1) {
			device.lastStep = step;
			return Totp.code(device.secret, step);
		}
		return device.backupCodes.pop();
	}

}
