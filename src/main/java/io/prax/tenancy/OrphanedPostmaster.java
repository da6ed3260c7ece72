package io.prax.tenancy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL outlives a Prax that was killed ({@code kill -9}): pg_ctl
 * starts the postmaster in a session of its own, so it keeps running, holding the data
 * directory, and the next start would wait for it in vain. Before starting, and only
 * while holding the data directory's lock (so no live Prax uses it), this stops such a
 * postmaster, or removes a {@code postmaster.pid} whose process is gone or is now some
 * other program.
 */
final class OrphanedPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	private OrphanedPostmaster() {
	}

	/**
	 * Makes {@code pgData} free for a new postmaster; throws if a postmaster of it will
	 * not stop.
	 */
	static void clear(Path pgData) {
		Long pid = pidOf(pgData);
		if (pid == null) {
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid);
		if (process.isEmpty() || !process.get().isAlive()) {
			log.info("Removing the stale postmaster.pid of {} (process {} is gone)", pgData, pid);
			deletePidFile(pgData);
			return;
		}
		Boolean ours = postmasterOf(pid, pgData);
		if (ours == null) {
			// Cannot tell on this system: leave the decision to PostgreSQL's own
			// lock-file check.
			return;
		}
		if (!ours) {
			log.info("Removing the stale postmaster.pid of {} (process {} is another program now)", pgData, pid);
			deletePidFile(pgData);
			return;
		}
		log.warn("Stopping the embedded PostgreSQL (pid {}) left running in {} by a Prax that did not shut down", pid,
				pgData);
		// Fast shutdown first (SIGINT: ends sessions, writes a checkpoint), then
		// immediate, then kill
		// its process group (the postmaster leads it, its backends are in it).
		if (signal(pid, "INT", false) && exited(process.get(), Duration.ofSeconds(15))) {
			return;
		}
		if (signal(pid, "QUIT", false) && exited(process.get(), Duration.ofSeconds(5))) {
			return;
		}
		signal(pid, "KILL", true);
		if (!exited(process.get(), Duration.ofSeconds(5))) {
			throw new IllegalStateException("The embedded PostgreSQL (pid " + pid + ") of " + pgData
					+ " does not stop; stop it and start Prax again");
		}
	}

	/**
	 * The postmaster's pid from the first line of {@code postmaster.pid}, if there is
	 * one.
	 */
	static @Nullable Long pidOf(Path pgData) {
		try {
			List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"), StandardCharsets.UTF_8);
			return lines.isEmpty() ? null : Long.valueOf(lines.get(0).strip());
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException | NumberFormatException ex) {
			log.warn("Cannot read {}: {}", pgData.resolve("postmaster.pid"), ex.toString());
			return null;
		}
	}

	/** Whether process {@code pid} is a postgres running in {@code pgData}. */
	static boolean isPostmasterOf(long pid, Path pgData) {
		return Boolean.TRUE.equals(postmasterOf(pid, pgData));
	}

	/**
	 * A postgres server changes into its data directory, so its working directory (Linux:
	 * {@code /proc}) identifies it; elsewhere its command line names the data directory.
	 * Null when neither is known.
	 */
	private static @Nullable Boolean postmasterOf(long pid, Path pgData) {
		Path proc = Path.of("/proc", Long.toString(pid));
		try {
			Path real = pgData.toRealPath();
			if (Files.isDirectory(Path.of("/proc/self"))) {
				if (!Files.exists(proc)) {
					return false;
				}
				String name = Files.readString(proc.resolve("comm"), StandardCharsets.UTF_8).strip();
				Path cwd = Files.readSymbolicLink(proc.resolve("cwd"));
				return name.startsWith("postgres") && cwd.equals(real);
			}
		}
		catch (IOException ex) {
			// e.g. a process of another user: not ours
			return false;
		}
		ProcessHandle.Info info = ProcessHandle.of(pid).map(ProcessHandle::info).orElse(null);
		if (info == null || info.command().isEmpty() || info.arguments().isEmpty()) {
			return null;
		}
		boolean postgres = Path.of(info.command().get()).getFileName().toString().equals("postgres");
		return postgres && List.of(info.arguments().get()).contains(pgData.toString());
	}

	private static boolean signal(long pid, String signal, boolean group) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, "--", (group ? "-" : "") + pid)
				.redirectErrorStream(true)
				.start();
			kill.getInputStream().readAllBytes();
			return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
		}
		catch (IOException ex) {
			log.warn("Cannot signal process {}: {}", pid, ex.toString());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean exited(ProcessHandle process, Duration wait) {
		long deadline = System.nanoTime() + wait.toNanos();
		while (process.isAlive() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return !process.isAlive();
	}

	private static void deletePidFile(Path pgData) {
		try {
			Files.deleteIfExists(pgData.resolve("postmaster.pid"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot remove the stale " + pgData.resolve("postmaster.pid"), ex);
		}
	}

}
