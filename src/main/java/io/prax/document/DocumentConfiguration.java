package io.prax.document;

import java.io.IOException;

import io.prax.platform.PraxProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

	/**
	 * The file system, unless another {@link BlobStore} (an S3-compatible one) is
	 * configured.
	 */
	@Bean
	@ConditionalOnMissingBean(BlobStore.class)
	FileSystemBlobStore fileSystemBlobStore(DocumentSettings settings, PraxProperties properties) throws IOException {
		return new FileSystemBlobStore(settings.resolvedBlobDir(properties.dataDir()));
	}

}
