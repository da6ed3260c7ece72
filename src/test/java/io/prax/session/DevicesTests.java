package io.prax.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What Yauaa cannot tell is left out of a device's description. */
class DevicesTests {

	@Test
	void dropsUnknownParts() {
		assertThat(Devices.known("Linux ??")).isEqualTo("Linux");
		assertThat(Devices.known("Windows 10")).isEqualTo("Windows 10");
		assertThat(Devices.known("??")).isEqualTo("Unknown");
		assertThat(Devices.known("Unknown ??")).isEqualTo("Unknown");
		assertThat(Devices.known(null)).isEqualTo("Unknown");
	}

	@Test
	void describesAMissingUserAgentAsUnknownWithoutBuildingTheAnalyzer() {
		assertThat(new Devices().describe(null)).isEqualTo(Devices.Device.UNKNOWN);
		assertThat(new Devices().describe(" ")).isEqualTo(Devices.Device.UNKNOWN);
	}

}
