package io.prax.web;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import io.prax.PraxApplication;
import io.prax.support.TestDataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Prax serves HTTPS directly from a PEM certificate and key (as the README shows), with
 * TLS 1.2+ only, and then sends HSTS.
 */
class HttpsTests {

	@TempDir
	Path tls;

	@Test
	void servesHttpsFromAPemCertificateWithModernTlsOnly() throws Exception {
		KeyStore store = selfSignedCertificate();
		Certificate certificate = store.getCertificate("prax");
		Path certificatePem = tls.resolve("fullchain.pem");
		Path keyPem = tls.resolve("privkey.pem");
		Files.writeString(certificatePem, pem("CERTIFICATE", certificate.getEncoded()));
		Files.writeString(keyPem, pem("PRIVATE KEY", store.getKey("prax", "changeit".toCharArray()).getEncoded()));

		try (ConfigurableApplicationContext node = new SpringApplicationBuilder(PraxApplication.class).run(
				"--server.port=0", "--prax.data-dir=" + TestDataDirectory.path(), "--prax.mail.dispatch-interval=1h",
				"--spring.ssl.bundle.pem.prax.keystore.certificate=file:" + certificatePem,
				"--spring.ssl.bundle.pem.prax.keystore.private-key=file:" + keyPem, "--server.ssl.bundle=prax",
				"--server.ssl.enabled-protocols=TLSv1.3,TLSv1.2")) {
			int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
			KeyStore trust = KeyStore.getInstance("PKCS12");
			trust.load(null, null);
			trust.setCertificateEntry("prax", certificate);
			TrustManagerFactory trustManagers = TrustManagerFactory
				.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(trust);
			SSLContext ssl = SSLContext.getInstance("TLS");
			ssl.init(null, trustManagers.getTrustManagers(), null);
			URI login = URI.create("https://localhost:" + port + "/login");

			HttpResponse<String> page = HttpClient.newBuilder()
				.sslContext(ssl)
				.build()
				.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.ofString());

			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.sslSession().orElseThrow().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
			assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
			HttpClient tls11 = HttpClient.newBuilder()
				.sslContext(ssl)
				.sslParameters(new SSLParameters(null, new String[] { "TLSv1.1" }))
				.build();
			assertThatThrownBy(
					() -> tls11.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.ofString()))
				.isInstanceOf(java.io.IOException.class);
		}
	}

	private KeyStore selfSignedCertificate() throws Exception {
		Path p12 = tls.resolve("prax.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "prax", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
				"-ext", "san=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", p12.toString(),
				"-storepass", "changeit")
			.redirectErrorStream(true)
			.start();
		String output = new String(keytool.getInputStream().readAllBytes());
		assertThat(keytool.waitFor()).as(output).isZero();
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(p12)) {
			store.load(in, "changeit".toCharArray());
		}
		return store;
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

}
