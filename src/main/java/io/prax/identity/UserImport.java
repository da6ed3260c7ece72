package io.prax.identity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity half of importing users: checks each row's email, name and password hash,
 * then creates them all. A row with a hash becomes an active user who signs in with the
 * old password (the hash is replaced by Argon2id at the first successful sign-in); a row
 * without one is invited by mail. Access (tier, roles, what the importing administrator
 * may grant) is checked by the caller first.
 */
@Service
public class UserImport {

	/**
	 * One user of an import; {@code row} is the CSV record number (the header being row
	 * 1).
	 */
	public record ImportedUser(int row, String email, String name, Tier tier, List<String> roles,
			@Nullable String passwordHash) {

		@Override
		public String toString() {
			// Never print a hash, not even in a log line.
			return "ImportedUser[row=" + row + ", email=" + email + "]";
		}
	}

	/** Why a row cannot be imported; never carries the cell's content. */
	public record RowProblem(int row, @Nullable String column, String code, String detail) {
	}

	/** An imported user and whether they got a password or an invitation. */
	public record Imported(int row, UserAccount account, boolean invited) {
	}

	private final Users users;

	private final UserLifecycle lifecycle;

	private final ApplicationEventPublisher events;

	UserImport(Users users, UserLifecycle lifecycle, ApplicationEventPublisher events) {
		this.users = users;
		this.lifecycle = lifecycle;
		this.events = events;
	}

	/**
	 * What is wrong with the rows' identity columns: emails (also repeated in the file or
	 * taken), names, hashes.
	 */
	@Transactional(readOnly = true)
	public List<RowProblem> check(List<ImportedUser> rows) {
		List<RowProblem> problems = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (ImportedUser row : rows) {
			Map<String, String> errors = IdentityRules.check(row.email(), row.name());
			errors.forEach(
					(field, message) -> problems.add(new RowProblem(row.row(), field, field + "_invalid", message)));
			String email = row.email().strip().toLowerCase(Locale.ROOT);
			if (!errors.containsKey("email")) {
				if (!seen.add(email)) {
					problems.add(new RowProblem(row.row(), "email", "email_duplicate",
							"This email appears on an earlier row of the file"));
				}
				else if (users.findByEmail(email).isPresent()) {
					problems.add(
							new RowProblem(row.row(), "email", "user_exists", "A user with this email already exists"));
				}
			}
			if (row.passwordHash() != null) {
				String code = ImportedHash.parse(row.passwordHash()).code();
				if (code != null) {
					problems.add(new RowProblem(row.row(), "password_hash", code,
							ImportedHash.COST_OUT_OF_RANGE.equals(code)
									? "bcrypt costs " + ImportedHash.MIN_BCRYPT_COST + " to "
											+ ImportedHash.MAX_BCRYPT_COST + " are accepted"
									: "Use a bcrypt or a Spring Security PBKDF2 hash (see the import page)"));
				}
			}
		}
		return problems;
	}

	/**
	 * Creates every row, in the caller's transaction; call {@link #check} first (refusals
	 * here are a race).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Imported> create(List<ImportedUser> rows) {
		List<Imported> created = new ArrayList<>();
		int withPassword = 0;
		for (ImportedUser row : rows) {
			NewUser user = new NewUser(row.email(), row.name(), row.tier(), row.roles(), null);
			if (row.passwordHash() != null) {
				String stored = ImportedHash.parse(row.passwordHash()).stored();
				if (stored == null) {
					throw new IllegalArgumentException("Row " + row.row() + " was not checked");
				}
				created.add(new Imported(row.row(), lifecycle.createWithPasswordHash(user, stored), false));
				withPassword++;
			}
			else {
				created.add(new Imported(row.row(), lifecycle.invite(user), true));
			}
		}
		if (!created.isEmpty()) {
			events.publishEvent(new UsersImported(created.get(0).account().tenantId(),
					created.stream().map(i -> i.account().id()).toList(), withPassword, created.size() - withPassword));
		}
		return created;
	}

}
