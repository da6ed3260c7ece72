package io.prax.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.prax.identity.CurrentUser;
import io.prax.identity.UserDirectory;
import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.platform.ProblemException;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.TenantContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, item 1 as a property: random actors holding random administrative and business
 * permissions perform random administration operations through the services (which do not
 * check the handler's permission, so this tests {@link GrantPolicy} alone). After every
 * operation no user's effective permissions exceed what they had before plus what the
 * actor held, only administrators made administrators, an active administrator remains,
 * and a refused operation wrote nothing. Scenarios come from jqwik generators with fixed
 * seeds, so a failure reproduces with its seed.
 */
@PraxIntegrationTest
class GrantPropertyTests {

	/**
	 * A small pool, so that random sets are sometimes within the actor's permissions and
	 * sometimes not.
	 */
	static final List<String> POOL = List.of("customers:view", "customers:edit", "customers:delete", "invoices:view",
			"invoices:delete", "contacts:view", "audit:view", "users:view", "users:create", "users:edit",
			"users:delete", "designations:create", "designations:edit", "designations:delete", "settings:edit");

	static final int STEPS = 45;

	enum Kind {

		CREATE_ROLE, UPDATE_ROLE, DELETE_ROLE, CREATE_DESIGNATION, UPDATE_DESIGNATION, DELETE_DESIGNATION, OVERRIDES,
		UPDATE_USER, INVITE, DEACTIVATE

	}

	/**
	 * One random operation; indexes pick among whatever exists at the time (modulo its
	 * size).
	 */
	record Op(Kind kind, int actor, int target, Set<String> permissions, Set<String> revocations, int tier,
			List<Integer> roles, int designation) {
	}

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Autowired
	UserDirectory directory;

	@Autowired
	AccessAdministration administration;

	@Autowired
	PermissionSetAdministration sets;

	@Autowired
	UserAdministration users;

	@Autowired
	GrantPolicy grants;

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 8L, 1_0001L, 424_242L })
	void administrationNeverGivesMoreThanTheActorHolds(long seed) {
		Random random = new Random(seed);
		TestTenant tenant = Tenants.newTenant(onboarding);
		List<UserAccount> staff = setUp(tenant, random);
		List<Op> ops = generate(seed, random);
		int step = 0;
		int refusals = 0;
		for (Op op : ops) {
			step++;
			refusals += check(tenant, staff, op, "seed " + seed + ", step " + step + ": " + op) ? 1 : 0;
		}
		assertThat(refusals).as("the scenario exercises both outcomes").isBetween(3, STEPS - 3);
	}

	/** Runs one operation and checks the invariants; answers whether it was refused. */
	private boolean check(TestTenant tenant, List<UserAccount> staff, Op op, String description) {
		UserAccount actor = current(tenant, pick(staff, op.actor()));
		Set<String> held = as(tenant, actor, () -> Set.copyOf(grants.held(CurrentUser.require())));
		Map<UUID, State> before = states(tenant, actor);
		boolean refused = false;
		try {
			as(tenant, actor, () -> {
				apply(tenant, staff, op);
				return null;
			});
		}
		catch (ProblemException ex) {
			refused = true;
		}
		Map<UUID, State> after = states(tenant, actor);
		for (var entry : after.entrySet()) {
			State was = before.get(entry.getKey());
			Set<String> gained = new LinkedHashSet<>(entry.getValue().effective());
			if (was != null) {
				gained.removeAll(was.effective());
			}
			gained.removeAll(held);
			assertThat(gained).as("%s: user %s gained beyond the actor", description, entry.getKey()).isEmpty();
			boolean madeAdmin = entry.getValue().tier() == Tier.ADMIN && (was == null || was.tier() != Tier.ADMIN);
			if (madeAdmin) {
				assertThat(actor.tier()).as("%s: only an administrator makes one", description).isEqualTo(Tier.ADMIN);
			}
		}
		assertThat(after.values().stream().anyMatch(s -> s.tier() == Tier.ADMIN && s.status().equals("ACTIVE")))
			.as("%s: an active administrator remains", description)
			.isTrue();
		if (refused) {
			assertThat(after).as("%s: a refusal writes nothing", description).isEqualTo(before);
		}
		return refused;
	}

	private void apply(TestTenant tenant, List<UserAccount> staff, Op op) {
		List<PermissionSetAdministration.PermissionSet> customRoles = sets.list(PermissionSetKind.ROLE)
			.stream()
			.filter(r -> !r.builtIn())
			.toList();
		List<PermissionSetAdministration.PermissionSet> designations = sets.designations();
		UserId target = pick(users.list(), op.target()).account().id();
		List<String> permissions = List.copyOf(op.permissions());
		switch (op.kind()) {
			case CREATE_ROLE -> sets.create(PermissionSetKind.ROLE, input("R" + Math.abs(op.target()), permissions));
			case UPDATE_ROLE -> {
				if (!customRoles.isEmpty()) {
					sets.update(roleId(pick(customRoles, op.target())), input(null, permissions));
				}
			}
			case DELETE_ROLE -> {
				if (!customRoles.isEmpty()) {
					sets.delete(roleId(pick(customRoles, op.target())), "property test");
				}
			}
			case CREATE_DESIGNATION ->
				sets.create(PermissionSetKind.DESIGNATION, input("D" + Math.abs(op.target()), permissions));
			case UPDATE_DESIGNATION -> {
				if (!designations.isEmpty()) {
					sets.update(designationId(pick(designations, op.target())), input(null, permissions));
				}
			}
			case DELETE_DESIGNATION -> {
				if (!designations.isEmpty()) {
					sets.delete(designationId(pick(designations, op.target())), "test");
				}
			}
			case OVERRIDES -> administration.setOverrides(target, permissions, List.copyOf(op.revocations()));
			case UPDATE_USER ->
				users.update(target, new UserAdministration.Change(null, tierOf(op.tier()), roleNames(op.roles()),
						designationOf(designations, op.designation()), op.designation() % 3 == 0, null, null));
			case INVITE -> users.invite(new UserAdministration.Invitation(
					"new-" + UUID.randomUUID().toString().substring(0, 8) + "@" + tenant.slug() + ".example", "New",
					tierOf(op.tier()), roleNames(op.roles()), designationOf(designations, op.designation()), null));
			case DEACTIVATE -> users.deactivate(target);
		}
	}

	/**
	 * Staff: the tenant's administrator, a second administrator, and employees with
	 * random permissions.
	 */
	private List<UserAccount> setUp(TestTenant tenant, Random random) {
		List<UserAccount> staff = new ArrayList<>(
				List.of(tenant.admin(), Tenants.newUser(identity, tenant, Tier.ADMIN, List.of(), null)));
		for (int i = 0; i < 6; i++) {
			UserAccount employee = Tenants.newUser(identity, tenant, Tier.EMPLOYEE,
					random.nextBoolean() ? List.of("VIEWER") : List.of(), null);
			Set<String> own = new LinkedHashSet<>();
			POOL.forEach(p -> {
				if (random.nextInt(3) == 0) {
					own.add(p);
				}
			});
			as(tenant, tenant.admin(), () -> administration.setOverrides(employee.id(), List.copyOf(own), List.of()));
			staff.add(employee);
		}
		return staff;
	}

	private static List<Op> generate(long seed, Random random) {
		JqwikSession.start(Long.toString(seed));
		try {
			return scenario().generator(1000).next(random).value();
		}
		finally {
			JqwikSession.finish();
		}
	}

	static Arbitrary<List<Op>> scenario() {
		Arbitrary<Set<String>> permissions = Arbitraries.of(POOL).set().ofMaxSize(4);
		Arbitrary<Integer> index = Arbitraries.integers().between(0, 1000);
		// Administrators act now and then; most actors are employees with some
		// administrative permissions.
		Arbitrary<Integer> actor = Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 1)),
				net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(2, 7)));
		Arbitrary<Op> op = Combinators
			.combine(Arbitraries.of(Kind.class), actor, index, permissions, permissions,
					Arbitraries.integers().between(0, 9), index.list().ofMaxSize(2), index)
			.as(Op::new);
		return op.list().ofSize(STEPS);
	}

	/** Everything administration can change, per user, as the comparison sees it. */
	record State(Tier tier, String status, List<String> roles, Set<String> effective,
			AccessAdministration.Overrides overrides, List<PermissionSetAdministration.PermissionSet> roleDefinitions,
			List<PermissionSetAdministration.PermissionSet> designations) {
	}

	private Map<UUID, State> states(TestTenant tenant, UserAccount reader) {
		return as(tenant, reader, () -> {
			Map<UUID, State> states = new LinkedHashMap<>();
			var roleDefinitions = sets.list(PermissionSetKind.ROLE);
			var designations = sets.designations();
			for (var managed : users.list()) {
				UserAccount user = managed.account();
				UserId id = user.id();
				states.put(id.value(),
						new State(user.tier(), user.status().name(), user.roles(),
								Set.copyOf(administration.effective(id)), administration.overrides(id), roleDefinitions,
								designations));
			}
			return states;
		});
	}

	private <T> T as(TestTenant tenant, UserAccount user, Supplier<T> work) {
		CurrentUser principal = new CurrentUser(user.id(), tenant.id(), UUID.randomUUID(), user.tier(), user.roles(),
				user.customerId(), user.name(), user.email(), tenant.slug(), "Tenant " + tenant.slug());
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(principal, null));
		try {
			return TenantContext.call(tenant.id(), work::get);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private UserAccount current(TestTenant tenant, UserAccount user) {
		return TenantContext.call(tenant.id(), () -> directory.find(user.id()).orElseThrow());
	}

	private List<String> roleNames(List<Integer> picks) {
		List<String> all = sets.roleNames();
		return picks.stream().map(i -> pick(all, i)).distinct().toList();
	}

	private static PermissionSetAdministration.PermissionSetInput input(String name, List<String> permissions) {
		return new PermissionSetAdministration.PermissionSetInput(name, null, permissions, null);
	}

	private static RoleId roleId(PermissionSetAdministration.PermissionSet role) {
		return new RoleId(UUID.fromString(role.id()));
	}

	private static DesignationId designationId(PermissionSetAdministration.PermissionSet designation) {
		return new DesignationId(UUID.fromString(designation.id()));
	}

	private static UUID designationOf(List<PermissionSetAdministration.PermissionSet> designations, int pick) {
		return designations.isEmpty() || pick % 3 != 1 ? null : UUID.fromString(pick(designations, pick / 3).id());
	}

	/**
	 * Mostly employees, sometimes administrators, now and then a portal customer
	 * (refused: no customer given).
	 */
	private static String tierOf(int pick) {
		return pick < 6 ? "EMPLOYEE" : pick < 9 ? "ADMIN" : "CUSTOMER";
	}

	private static <T> T pick(List<T> items, int index) {
		return items.get(Math.floorMod(index, items.size()));
	}

}
