package io.prax.platform;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Forgets this node's cached entries of a tenant once a transaction that wrote a
 * {@link CachedPerNode} row commits, before the response leaves: the writer's own next
 * request sees the change, without waiting for the notice the database trigger sends
 * every node. A rolled-back change forgets nothing.
 */
@Component
class CachedRowChanges implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

	private final NodeCaches caches;

	CachedRowChanges(EntityManagerFactory emf, NodeCaches caches) {
		this.caches = caches;
		EntityChangeListeners.register(emf, this);
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		changed(event.getEntity());
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		changed(event.getEntity());
	}

	@Override
	public void onPostDelete(PostDeleteEvent event) {
		changed(event.getEntity());
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

	private void changed(Object entity) {
		if (!entity.getClass().isAnnotationPresent(CachedPerNode.class)
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		java.util.UUID tenant = entity instanceof TenantRecord record ? record.tenantId() : null;
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				if (tenant != null) {
					caches.tenantChanged(tenant);
				}
				else {
					caches.forgetAll();
				}
			}
		});
	}

}
