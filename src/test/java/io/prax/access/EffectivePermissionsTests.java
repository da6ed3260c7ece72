package io.prax.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.prax.identity.Tier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The effective-permission rule as properties over random tiers, roles, designations,
 * overrides and gates. Each property has a fixed seed, so a failure reproduces on the
 * next run (jqwik reports the seed and the shrunk sample; to explore new cases, change
 * the seed).
 */
class EffectivePermissionsTests {

	static final List<String> ALL = List.copyOf(PermissionCatalogue.all());

	@Property(seed = "20260201")
	void defaultDenyWithoutAnyGrant(@ForAll("permissions") String permission) {
		AccessFacts nobody = new AccessFacts(Tier.EMPLOYEE, Map.of(), null, Set.of(), Set.of(), List.of());

		assertThat(EffectivePermissions.decide(nobody, permission).granted()).isFalse();
	}

	@Property(seed = "20260202")
	void grantsExactlyTheUnionMinusRevocationsMinusGates(@ForAll("employees") AccessFacts facts,
			@ForAll("permissions") String permission) {
		boolean fromRoles = facts.roles().values().stream().anyMatch(grants -> grants.contains(permission));
		boolean fromDesignation = facts.designation() != null && facts.designation().permissions().contains(permission);
		boolean expected = (fromRoles || fromDesignation || facts.granted().contains(permission))
				&& !facts.revoked().contains(permission)
				&& facts.gates().stream().noneMatch(g -> g.covers(permission) && g.appliesTo(facts));

		assertThat(EffectivePermissions.decide(facts, permission).granted()).isEqualTo(expected);
	}

	@Property(seed = "20260203")
	void revocationAlwaysWinsOverGrants(@ForAll("employees") AccessFacts facts,
			@ForAll("permissions") String permission) {
		AccessFacts revoked = new AccessFacts(facts.tier(), facts.roles(), facts.designation(),
				union(facts.granted(), permission), union(facts.revoked(), permission), facts.gates());

		assertThat(EffectivePermissions.decide(revoked, permission).granted()).isFalse();
	}

	@Property(seed = "20260204")
	void aGateSwitchesOffEvenForAdministrators(@ForAll("permissions") String permission) {
		String module = PermissionCatalogue.module(permission);
		AccessFacts admin = new AccessFacts(Tier.ADMIN, Map.of(), null, Set.of(), Set.of(),
				List.of(new AccessFacts.Gate(module, null, AccessFacts.Scope.ALL, null)));

		assertThat(EffectivePermissions.decide(admin, permission).granted()).isFalse();
		assertThat(EffectivePermissions.decide(admin, permission).gated()).isTrue();
	}

	@Property
	void customersNeverHoldPermissionsOutsideThePortal(@ForAll("customers") AccessFacts facts) {
		assertThat(EffectivePermissions.of(facts))
			.allMatch(p -> PermissionCatalogue.PORTAL_MODULES.contains(PermissionCatalogue.module(p)));
	}

	@Property
	void everyDecisionIsExplained(@ForAll("employees") AccessFacts facts, @ForAll("permissions") String permission) {
		assertThat(EffectivePermissions.decide(facts, permission).because()).isNotEmpty();
	}

	@Provide
	Arbitrary<String> permissions() {
		return Arbitraries.of(ALL);
	}

	@Provide
	Arbitrary<AccessFacts> employees() {
		return facts(Tier.EMPLOYEE);
	}

	@Provide
	Arbitrary<AccessFacts> customers() {
		return facts(Tier.CUSTOMER);
	}

	static Arbitrary<AccessFacts> facts(Tier tier) {
		Arbitrary<Set<String>> someRoles = Arbitraries.of(PermissionCatalogue.BUILT_IN_ROLES).set().ofMaxSize(2);
		Arbitrary<Set<String>> custom = Arbitraries.of(ALL).set().ofMaxSize(6);
		Arbitrary<Set<String>> designation = Arbitraries.of(ALL).set().ofMaxSize(6);
		Arbitrary<Boolean> hasDesignation = Arbitraries.of(true, false);
		Arbitrary<Set<String>> granted = Arbitraries.of(ALL).set().ofMaxSize(4);
		Arbitrary<Set<String>> revoked = Arbitraries.of(ALL).set().ofMaxSize(4);
		Arbitrary<List<AccessFacts.Gate>> gates = gate().list().ofMaxSize(3);
		return Combinators.combine(someRoles, custom, designation, hasDesignation, granted, revoked, gates)
			.as((roles, customGrants, designationGrants, designated, grants, revocations, gateList) -> {
				Map<String, Set<String>> roleMap = new java.util.LinkedHashMap<>(
						EffectivePermissions.builtInRoles(new ArrayList<>(roles)));
				roleMap.put("Custom", customGrants);
				AccessFacts.Designation d = designated ? new AccessFacts.Designation(
						UUID.nameUUIDFromBytes(new byte[] { 1 }), "Accountant", designationGrants) : null;
				return new AccessFacts(tier, roleMap, d, grants, revocations, gateList);
			});
	}

	static Arbitrary<AccessFacts.Gate> gate() {
		Arbitrary<String> module = Arbitraries.of(PermissionCatalogue.BUSINESS_MODULES);
		Arbitrary<String> action = Arbitraries.of(PermissionCatalogue.STANDARD_ACTIONS).injectNull(0.3);
		Arbitrary<AccessFacts.Scope> scope = Arbitraries.of(AccessFacts.Scope.class);
		return Combinators.combine(module, action, scope).as((m, a, s) -> new AccessFacts.Gate(m, a, s, switch (s) {
			case ALL -> null;
			case ROLE -> "OPERATOR";
			case DESIGNATION -> UUID.nameUUIDFromBytes(new byte[] { 1 }).toString();
		}));
	}

	private static Set<String> union(Set<String> set, String extra) {
		Set<String> union = new java.util.HashSet<>(set);
		union.add(extra);
		return union;
	}

}
