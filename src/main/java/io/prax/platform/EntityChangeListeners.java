package io.prax.platform;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEventListener;

/** Hibernate's one place to hear of every row written: insert, update and delete. */
public final class EntityChangeListeners {

	private EntityChangeListeners() {
	}

	/**
	 * Appends {@code listener} to the insert, update and delete events of {@code emf}.
	 */
	public static <L extends PostInsertEventListener & PostUpdateEventListener & PostDeleteEventListener> void register(
			EntityManagerFactory emf, L listener) {
		EventListenerRegistry registry = emf.unwrap(SessionFactoryImplementor.class)
			.getServiceRegistry()
			.requireService(EventListenerRegistry.class);
		registry.appendListeners(EventType.POST_INSERT, listener);
		registry.appendListeners(EventType.POST_UPDATE, listener);
		registry.appendListeners(EventType.POST_DELETE, listener);
	}

}
