package io.prax.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Heap (after a full collection, when asked) and resident memory of this JVM. */
@Component
@Profile(BenchmarkProfile.NAME)
class MemoryReport {

	record Memory(long heapUsedBytes, long heapCommittedBytes, long heapMaxBytes, long rssBytes) {
	}

	Memory now(boolean collect) {
		if (collect) {
			System.gc();
		}
		MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		return new Memory(heap.getUsed(), heap.getCommitted(), heap.getMax(), rss());
	}

	private static long rss() {
		try {
			return Files.readAllLines(Path.of("/proc/self/status"))
				.stream()
				.filter(line -> line.startsWith("VmRSS:"))
				.map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
				.findFirst()
				.orElse(-1L);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}
