package io.prax.tenancy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stale {@code postmaster.pid} would make PostgreSQL refuse to start when its pid now
 * belongs to another program; it is removed, and that program is left alone. (A live
 * orphaned postmaster is stopped: {@link CrashRestartTests}.)
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class OrphanedPostmasterTests {

	@TempDir
	Path pgData;

	@Test
	void removesAPidFileWhoseProcessIsGone() throws Exception {
		Files.writeString(pgData.resolve("postmaster.pid"), "999999999\n" + pgData + "\n");

		OrphanedPostmaster.clear(pgData);

		assertThat(pgData.resolve("postmaster.pid")).doesNotExist();
	}

	@Test
	void removesAPidFileWhosePidIsNowAnotherProgramWithoutTouchingIt() throws Exception {
		long other = ProcessHandle.current().pid();
		Files.writeString(pgData.resolve("postmaster.pid"), other + "\n" + pgData + "\n");

		assertThat(OrphanedPostmaster.isPostmasterOf(other, pgData)).isFalse();
		OrphanedPostmaster.clear(pgData);

		assertThat(pgData.resolve("postmaster.pid")).doesNotExist();
		assertThat(ProcessHandle.current().isAlive()).isTrue();
	}

	@Test
	void doesNothingWithoutAPidFile() {
		OrphanedPostmaster.clear(pgData);

		assertThat(OrphanedPostmaster.pidOf(pgData)).isNull();
	}

}
