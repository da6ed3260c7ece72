package io.prax.audit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManagerFactory;

import io.prax.platform.EntityChangeListeners;
import io.prax.platform.Masked;
import io.prax.platform.TenantRecord;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.ComponentType;
import org.hibernate.type.Type;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Audits every create, update and (soft) delete of every {@link TenantRecord}, whatever
 * its module, with a field-level before/after diff. Secrets and {@link Masked} fields are
 * masked; the bookkeeping fields (version, timestamps) are left out because the event
 * itself records when and by whom.
 */
@Component
class AuditCapture implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

	static final String MASK = "***";

	private static final Pattern SECRET = Pattern.compile("password|hash|secret|token");

	private static final Set<String> BOOKKEEPING = Set.of("tenantId", "version", "createdAt", "createdBy", "updatedAt",
			"updatedBy", "deletedAt", "deletedBy", "deleteReason");

	private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final AuditWriter writer;

	private final Clock clock;

	AuditCapture(EntityManagerFactory emf, AuditWriter writer, Clock clock) {
		this.writer = writer;
		this.clock = clock;
		EntityChangeListeners.register(emf, this);
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		if (event.getEntity() instanceof TenantRecord record) {
			ObjectNode changes = diff(event.getPersister(), null, event.getState());
			queue(event.getSession(), record, "create", changes, null);
		}
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		if (event.getEntity() instanceof TenantRecord record) {
			ObjectNode changes = diff(event.getPersister(), event.getOldState(), event.getState());
			boolean deleted = record.deleted() && wasLive(event);
			if (deleted) {
				queue(event.getSession(), record, "delete", changes, record.deleteReason());
			}
			else if (!changes.isEmpty()) {
				String reason = ReasonForChange.current();
				if (reason == null && RegulatedModules.isRegulated(event.getSession(), record.tenantId(),
						RegulatedModules.moduleOf(entityType(record.getClass())))) {
					throw RegulatedModules.reasonRequired();
				}
				queue(event.getSession(), record, "update", changes, reason);
			}
		}
	}

	/**
	 * Records are only soft-deleted by users; a hard delete (a purge) is recorded all the
	 * same.
	 */
	@Override
	public void onPostDelete(PostDeleteEvent event) {
		if (event.getEntity() instanceof TenantRecord record) {
			Object[] gone = event.getDeletedState();
			ObjectNode changes = diff(event.getPersister(), gone, new Object[gone.length]);
			queue(event.getSession(), record, "purge", changes, null);
		}
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

	private void queue(org.hibernate.engine.spi.SharedSessionContractImplementor session, TenantRecord record,
			String action, ObjectNode changes, @Nullable String reason) {
		AuditEntry entry = new AuditEntry(AuditEntry.Actor.current(), action, entityType(record.getClass()),
				record.id().toString(), changes, reason);
		writer.enqueue(session, record.tenantId(), entry, AuditRecord.stamp(Instant.now(clock)));
	}

	private static boolean wasLive(PostUpdateEvent event) {
		Object[] old = event.getOldState();
		if (old == null) {
			return true;
		}
		String[] names = event.getPersister().getPropertyNames();
		for (int i = 0; i < names.length; i++) {
			if (names[i].equals("deletedAt")) {
				return old[i] == null;
			}
		}
		return true;
	}

	/**
	 * {@code customer}, {@code contact}, {@code user}: the entity's class name in snake
	 * case.
	 */
	static String entityType(Class<?> type) {
		return type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

	static ObjectNode diff(EntityPersister persister, Object @Nullable [] old, Object[] state) {
		ObjectNode changes = NODES.objectNode();
		String[] names = persister.getPropertyNames();
		Type[] types = persister.getPropertyTypes();
		Set<String> masked = MASKED.get(persister.getMappedClass());
		for (int i = 0; i < names.length; i++) {
			if (!BOOKKEEPING.contains(names[i])) {
				field(changes, names[i], types[i], old == null ? null : old[i], state[i], old == null,
						masked.contains(names[i]));
			}
		}
		return changes;
	}

	/** The fields of an entity (and its superclasses) marked {@link Masked}. */
	private static final ClassValue<Set<String>> MASKED = new ClassValue<>() {
		@Override
		protected Set<String> computeValue(Class<?> type) {
			Set<String> names = new java.util.HashSet<>();
			for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
				for (java.lang.reflect.Field f : c.getDeclaredFields()) {
					if (f.isAnnotationPresent(Masked.class)) {
						names.add(f.getName());
					}
				}
			}
			return Set.copyOf(names);
		}
	};

	private static void field(ObjectNode changes, String name, Type type, @Nullable Object before,
			@Nullable Object after, boolean created, boolean maskedField) {
		if (type instanceof ComponentType component) {
			String[] parts = component.getPropertyNames();
			Type[] partTypes = component.getSubtypes();
			for (int i = 0; i < parts.length; i++) {
				field(changes, name + "." + parts[i], partTypes[i],
						before == null ? null : component.getPropertyValue(before, i),
						after == null ? null : component.getPropertyValue(after, i), created, maskedField);
			}
			return;
		}
		if (type.isCollectionType() || type.isEntityType()) {
			return;
		}
		boolean secret = maskedField || SECRET.matcher(name.toLowerCase(Locale.ROOT)).find();
		JsonNode was = secret ? masked(before) : value(before);
		JsonNode is = secret ? masked(after) : value(after);
		if (created) {
			if (!is.isNull()) {
				ObjectNode change = NODES.objectNode();
				change.set("after", is);
				changes.set(name, change);
			}
		}
		else if (!Objects.equals(value(before), value(after))) {
			ObjectNode change = NODES.objectNode();
			change.set("before", was);
			change.set("after", is);
			changes.set(name, change);
		}
	}

	private static JsonNode masked(@Nullable Object value) {
		return value == null ? NODES.nullNode() : NODES.stringNode(MASK);
	}

	/**
	 * A JSON value that RFC 8785 canonicalizes without loss: strings, safe integers,
	 * booleans, null, arrays.
	 */
	static JsonNode value(@Nullable Object value) {
		if (value == null) {
			return NODES.nullNode();
		}
		if (value instanceof Boolean b) {
			return NODES.booleanNode(b);
		}
		if ((value instanceof Integer || value instanceof Long || value instanceof Short)
				&& Math.abs(((Number) value).longValue()) <= MAX_SAFE_INTEGER) {
			return NODES.numberNode(((Number) value).longValue());
		}
		if (value instanceof BigDecimal decimal) {
			return NODES.stringNode(decimal.toPlainString());
		}
		if (value instanceof Enum<?> e) {
			return NODES.stringNode(e.name());
		}
		if (value instanceof Collection<?> items) {
			ArrayNode array = NODES.arrayNode();
			items.forEach(item -> array.add(value(item)));
			return array;
		}
		if (value instanceof Object[] items) {
			ArrayNode array = NODES.arrayNode();
			for (Object item : items) {
				array.add(value(item));
			}
			return array;
		}
		return NODES.stringNode(value.toString());
	}

}
