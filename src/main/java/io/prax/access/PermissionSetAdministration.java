package io.prax.access;

import static io.prax.platform.Text.clean;

import static io.prax.platform.Validation.checked;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import io.prax.identity.CurrentUser;
import io.prax.identity.UserLifecycle;
import io.prax.platform.Page;
import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roles and designations, both permission sets, through one code path: list, create,
 * rename, change permissions, delete; {@link PermissionSetKind} has what differs. Every
 * change is a record change, so it is audited; callers are guarded by
 * {@link RequiresPermission}; every change first passes {@link GrantPolicy}, so nobody
 * defines a set beyond what they hold or raises their own access through one.
 */
@Service
public class PermissionSetAdministration {

	private final Store<Role> roles;

	private final Store<Designation> designations;

	private final FeatureGateAdministration gates;

	private final UserLifecycle identity;

	private final AccessPolicy access;

	private final GrantPolicy grants;

	private final Clock clock;

	PermissionSetAdministration(Roles roles, Designations designations, FeatureGateAdministration gates,
			UserLifecycle identity, AccessPolicy access, GrantPolicy grants, Clock clock) {
		this.roles = new Store<>(PermissionSetKind.ROLE, roles, roles::ordered, roles::findByName, Role::new);
		this.designations = new Store<>(PermissionSetKind.DESIGNATION, designations, designations::ordered,
				designations::findByName, Designation::new);
		this.gates = gates;
		this.identity = identity;
		this.access = access;
		this.grants = grants;
		this.clock = clock;
	}

	/**
	 * A role or designation as shown and edited; built-in roles have their name as id and
	 * cannot change.
	 */
	public record PermissionSet(String id, String name, @Nullable String description, List<String> permissions,
			boolean builtIn, long version) {
	}

	public record PermissionSetInput(@Nullable String name, @Nullable String description,
			@Nullable List<String> permissions, @Nullable Long version) {
	}

	/** One kind's records; see {@link PermissionSetKind} for the rest of what differs. */
	private record Store<E extends PermissionSetRecord>(PermissionSetKind kind, JpaRepository<E, UUID> repository,
			Supplier<List<E>> ordered, Function<String, Optional<E>> byName, Factory<E> factory) {

		E find(UUID id) {
			return repository.findById(id).orElseThrow(() -> ProblemException.notFound(kind.title()));
		}

	}

	private interface Factory<E> {

		E create(String name, @Nullable String description, List<String> permissions);

	}

	/** Every set of the kind: for roles, the built-in ones first. */
	@Transactional(readOnly = true)
	public List<PermissionSet> list(PermissionSetKind kind) {
		List<PermissionSet> all = new ArrayList<>();
		if (kind == PermissionSetKind.ROLE) {
			PermissionCatalogue.BUILT_IN_ROLES.forEach(name -> all.add(builtIn(name)));
		}
		store(kind).ordered().get().forEach(set -> all.add(view(set)));
		return all;
	}

	/**
	 * A page of {@link #list}: built-in roles first, in their catalogue order, then the
	 * tenant's by name.
	 */
	@Transactional(readOnly = true)
	public Page<PermissionSet> page(PermissionSetKind kind, @Nullable String cursor, @Nullable Integer limit) {
		List<String> builtIn = PermissionCatalogue.BUILT_IN_ROLES;
		Function<PermissionSet, String> key = switch (kind) {
			case ROLE -> set -> set.builtIn() ? "0" + (char) ('a' + builtIn.indexOf(set.id()))
					: "1" + set.name().toUpperCase(Locale.ROOT) + "\n" + set.id();
			case DESIGNATION -> set -> set.name().toLowerCase(Locale.ROOT) + "\n" + set.id();
		};
		return Page.ofSorted(list(kind), key, cursor, limit);
	}

	/** Every designation, for pages that offer one to pick. */
	@Transactional(readOnly = true)
	public List<PermissionSet> designations() {
		return list(PermissionSetKind.DESIGNATION);
	}

	@Transactional(readOnly = true)
	public PermissionSet get(PermissionSetId id) {
		return view(store(id.kind()).find(id.value()));
	}

	/**
	 * A role as a path names it: a built-in role by its name, a custom role by its id;
	 * anything else is not found.
	 */
	@Transactional(readOnly = true)
	public PermissionSet role(String id) {
		return PermissionCatalogue.isBuiltInRole(id) ? builtIn(id) : get(RoleId.ofCustom(id));
	}

	/** All role names a user can be given: built-in first, then the tenant's own. */
	@Transactional(readOnly = true)
	public List<String> roleNames() {
		List<String> names = new ArrayList<>(PermissionCatalogue.BUILT_IN_ROLES);
		roles.ordered().get().forEach(role -> names.add(role.name()));
		return names;
	}

	@Transactional
	public PermissionSet create(PermissionSetKind kind, PermissionSetInput input) {
		return create(store(kind), input);
	}

	@Transactional
	public PermissionSet update(PermissionSetId id, PermissionSetInput input) {
		return update(store(id.kind()), id.value(), input);
	}

	@Transactional
	public void delete(PermissionSetId id, @Nullable String reason) {
		delete(store(id.kind()), id.value(), reason);
	}

	// ---- the one code path, for either kind

	private <E extends PermissionSetRecord> PermissionSet create(Store<E> store, PermissionSetInput input) {
		String name = checkedName(store, input.name(), null);
		List<String> permissions = PermissionCatalogue.checked(input.permissions());
		grants.checkDefinition(null, permissions);
		return view(
				store.repository().saveAndFlush(store.factory().create(name, clean(input.description()), permissions)));
	}

	private <E extends PermissionSetRecord> PermissionSet update(Store<E> store, UUID id, PermissionSetInput input) {
		E set = store.find(id);
		if (input.version() != null) {
			set.requireVersion(input.version());
		}
		String name = input.name() == null ? set.name() : checkedName(store, input.name(), set.id());
		List<String> permissions = input.permissions() == null ? set.permissions()
				: PermissionCatalogue.checked(input.permissions());
		grants.checkDefinition(set, permissions);
		// Users hold roles by name, designations by id.
		if (store.kind() == PermissionSetKind.ROLE && !name.equals(set.name())) {
			identity.renameRole(set.name(), name);
		}
		set.update(name, input.description() == null ? set.description() : clean(input.description()), permissions);
		access.forget();
		return view(store.repository().saveAndFlush(set));
	}

	private <E extends PermissionSetRecord> void delete(Store<E> store, UUID id, @Nullable String reason) {
		E set = store.find(id);
		grants.checkDeletion(set);
		if (store.kind() == PermissionSetKind.ROLE) {
			identity.renameRole(set.name(), null);
		}
		String why = clean(reason);
		set.delete(Instant.now(clock), actor(), why == null ? "deleted by an administrator" : why);
		store.repository().saveAndFlush(set);
		gates.drop(store.kind().gateScope(), set.id().toString());
		access.forget();
	}

	private String checkedName(Store<?> store, @Nullable String name, @Nullable UUID self) {
		String problem = store.kind().nameProblem(clean(name));
		if (problem != null) {
			throw ProblemException.validation(Map.of("name", problem));
		}
		String clean = checked(clean(name));
		if (store.byName().apply(clean).filter(set -> !set.id().equals(self)).isPresent()) {
			throw ProblemException.validation(Map.of("name", "This name is taken"));
		}
		return clean;
	}

	private Store<? extends PermissionSetRecord> store(PermissionSetKind kind) {
		return kind == PermissionSetKind.ROLE ? roles : designations;
	}

	private static PermissionSet builtIn(String id) {
		String name = id.toUpperCase(Locale.ROOT);
		return new PermissionSet(name, name, builtInDescription(name),
				PermissionCatalogue.BUILT_IN_GRANTS.getOrDefault(name, Set.of()).stream().sorted().toList(), true, 0);
	}

	private static PermissionSet view(PermissionSetRecord set) {
		return new PermissionSet(set.id().toString(), set.name(), set.description(), set.permissions(), false,
				set.version());
	}

	private static @Nullable UUID actor() {
		return CurrentUser.current().map(user -> user.id().value()).orElse(null);
	}

	static String builtInDescription(String name) {
		return switch (name) {
			case "ADMIN" -> "Every permission, including administration";
			case "MANAGER" -> "Every action in the business modules, plus reading designations and the audit log";
			case "REVIEWER" -> "Reads the business modules and approves invoices, payslips, documents and approvals";
			case "OPERATOR" ->
				"Reads, creates and edits customers, contacts, invoices and documents; submits approvals";
			case "VIEWER" -> "Reads the business modules";
			default -> "";
		};
	}

}
