package io.prax.session;

import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Names the device, browser and operating system behind a User-Agent (Yauaa). The
 * analyzer takes seconds to build, so it is built once, on first use, with only the
 * fields shown and a small cache.
 */
@Component
class Devices {

	/** What a person recognises their session by. */
	record Device(String type, String browser, String os) {

		static final Device UNKNOWN = new Device("Unknown", "Unknown", "Unknown");

	}

	private volatile @Nullable UserAgentAnalyzer analyzer;

	Device describe(@Nullable String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return Device.UNKNOWN;
		}
		UserAgent parsed = analyzer().parse(ClientInfo.truncate(userAgent, ClientInfo.MAX_USER_AGENT));
		return new Device(known(parsed.getValue(UserAgent.DEVICE_CLASS)),
				known(parsed.getValue(UserAgent.AGENT_NAME_VERSION_MAJOR)),
				known(parsed.getValue(UserAgent.OPERATING_SYSTEM_NAME_VERSION_MAJOR)));
	}

	private UserAgentAnalyzer analyzer() {
		UserAgentAnalyzer built = analyzer;
		if (built == null) {
			synchronized (this) {
				built = analyzer;
				if (built == null) {
					built = UserAgentAnalyzer.newBuilder()
						.hideMatcherLoadStats()
						.withCache(1_000)
						.withField(UserAgent.DEVICE_CLASS)
						.withField(UserAgent.AGENT_NAME_VERSION_MAJOR)
						.withField(UserAgent.OPERATING_SYSTEM_NAME_VERSION_MAJOR)
						.build();
					analyzer = built;
				}
			}
		}
		return built;
	}

	/**
	 * Yauaa marks what it cannot tell with "??" (e.g. "Linux ??" for an unknown version):
	 * drop that.
	 */
	static String known(@Nullable String value) {
		String cleaned = value == null ? "" : value.replace("??", "").strip();
		if (cleaned.isEmpty() || cleaned.startsWith("Unknown")) {
			return "Unknown";
		}
		return cleaned;
	}

}
