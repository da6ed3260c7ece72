package io.prax.customer;

import static io.prax.platform.Text.clean;
import static io.prax.platform.Validation.checked;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.groups.Default;

import io.prax.audit.ReasonForChange;
import io.prax.identity.CurrentUser;
import io.prax.platform.Cursor;
import io.prax.platform.Page;
import io.prax.platform.Validation.OnCreate;
import io.prax.platform.Validation.OnUpdate;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Customers of the current tenant (their contacts: {@link CustomerContacts}).
 * Customer-portal users see only their own account ({@link VisibleCustomers}); deleted
 * records are hidden everywhere but kept with who deleted them and why. Input is checked
 * by the constraints of {@link CustomerInput} before any method runs.
 */
@Service
@Validated
public class CustomerManagement {

	private final Customers customers;

	private final CustomerSearch search;

	private final VisibleCustomers visible;

	private final Clock clock;

	CustomerManagement(Customers customers, CustomerSearch search, VisibleCustomers visible, Clock clock) {
		this.customers = customers;
		this.search = search;
		this.visible = visible;
		this.clock = clock;
	}

	/**
	 * Customers ordered by name, matching {@code query} in name or email, after
	 * {@code cursor}.
	 */
	@Transactional(readOnly = true)
	public Page<CustomerView> list(@Nullable String query, @Nullable String cursor, @Nullable Integer limit) {
		return list(query, cursor, limit, CustomerOrder.NAME);
	}

	/**
	 * Customers in {@code order}, matching {@code query} in name or email, after
	 * {@code cursor}.
	 */
	@Transactional(readOnly = true)
	public Page<CustomerView> list(@Nullable String query, @Nullable String cursor, @Nullable Integer limit,
			CustomerOrder order) {
		int size = Page.limit(limit);
		String pattern = "%" + (query == null ? "" : escapeLike(query.strip().toLowerCase(Locale.ROOT))) + "%";
		CurrentUser user = CurrentUser.require();
		if (user.isCustomer()) {
			List<CustomerView> own = visible.own(user)
				.stream()
				.filter(c -> cursor == null)
				.filter(c -> matches(c, pattern))
				.map(Customer::view)
				.toList();
			return new Page<>(own, null);
		}
		CustomerSearch.Position after = cursor == null ? null : position(cursor, order);
		String filter = "%%".equals(pattern) ? null : pattern;
		return Page.of(search.page(filter, order, after, size + 1), size, Customer::view, c -> position(c, order));
	}

	/** How many customers the caller sees; callers check {@code customers:view} first. */
	@Transactional(readOnly = true)
	public long count() {
		CurrentUser user = CurrentUser.require();
		return user.isCustomer() ? (visible.own(user).isPresent() ? 1 : 0) : customers.count();
	}

	/**
	 * The newest customers the caller sees; callers check {@code customers:view} first.
	 */
	@Transactional(readOnly = true)
	public List<CustomerView> newest(int howMany) {
		CurrentUser user = CurrentUser.require();
		if (user.isCustomer()) {
			return visible.own(user).stream().map(Customer::view).toList();
		}
		return customers.newest(Limit.of(howMany)).stream().map(Customer::view).toList();
	}

	/**
	 * The customer, or 404 when it does not exist, was deleted, or is not the caller's to
	 * see.
	 */
	@Transactional(readOnly = true)
	public CustomerView get(CustomerId id) {
		return visible.require(id).view();
	}

	/**
	 * Whether the customer exists, is not deleted, and is the caller's to see (portal
	 * users: only their own).
	 */
	@Transactional(readOnly = true)
	public boolean isVisible(CustomerId id) {
		CurrentUser user = CurrentUser.require();
		if (user.isCustomer() && !id.value().equals(user.customerId())) {
			return false;
		}
		return customers.findById(id.value()).isPresent();
	}

	/**
	 * The customer as another record (an invoice) names it, without
	 * {@code customers:view}: empty when it does not exist, was deleted, or is not the
	 * caller's to see (portal users see only their own).
	 */
	@Transactional(readOnly = true)
	public Optional<CustomerView> billingParty(CustomerId id) {
		CurrentUser user = CurrentUser.require();
		if (user.isCustomer() && !id.value().equals(user.customerId())) {
			return Optional.empty();
		}
		return customers.findById(id.value()).map(Customer::view);
	}

	@Transactional
	@Validated({ Default.class, OnCreate.class })
	public CustomerView create(@Valid CustomerInput input) {
		Customer customer = new Customer(checked(input.name()).strip());
		customer.contact(clean(input.email()), clean(input.phone()), clean(input.taxId()));
		customer.billTo(normalize(input.billingAddress() == null ? Address.EMPTY : input.billingAddress()));
		return customers.saveAndFlush(customer).view();
	}

	/**
	 * Changes the given fields; the caller's {@code version} must be current (409
	 * otherwise).
	 */
	@Transactional
	@Validated({ Default.class, OnUpdate.class })
	public CustomerView update(CustomerId id, @Valid CustomerInput input) {
		ReasonForChange.give(input.reason());
		Customer customer = visible.require(id);
		customer.requireVersion(checked(input.version()));
		if (input.name() != null) {
			customer.rename(checked(clean(input.name())));
		}
		customer.contact(input.email() != null ? clean(input.email()) : customer.email(),
				input.phone() != null ? clean(input.phone()) : customer.phone(),
				input.taxId() != null ? clean(input.taxId()) : customer.taxId());
		if (input.billingAddress() != null) {
			customer.billTo(merge(customer.billingAddress(), input.billingAddress()));
		}
		return customers.saveAndFlush(customer).view();
	}

	/**
	 * Soft delete with a reason; the customer disappears from lists and reads answer 404.
	 */
	@Transactional
	public void delete(CustomerId id, @Nullable Long version, @DeletionReason @Nullable String reason) {
		Customer customer = visible.require(id);
		String why = checked(reason).strip();
		if (version != null) {
			customer.requireVersion(version);
		}
		customer.delete(Instant.now(clock), CurrentUser.require().id().value(), why);
		customers.saveAndFlush(customer);
	}

	private static boolean matches(Customer customer, String pattern) {
		String needle = pattern.substring(1, pattern.length() - 1)
			.replace("\\%", "%")
			.replace("\\_", "_")
			.replace("\\\\", "\\");
		return customer.name().toLowerCase(Locale.ROOT).contains(needle)
				|| (customer.email() != null && customer.email().toLowerCase(Locale.ROOT).contains(needle));
	}

	private static Address normalize(Address address) {
		String country = clean(address.country());
		return new Address(clean(address.line1()), clean(address.line2()), clean(address.postalCode()),
				clean(address.city()), clean(address.region()),
				country == null ? null : country.toUpperCase(Locale.ROOT));
	}

	private static Address merge(Address current, Address change) {
		return normalize(new Address(pick(change.line1(), current.line1()), pick(change.line2(), current.line2()),
				pick(change.postalCode(), current.postalCode()), pick(change.city(), current.city()),
				pick(change.region(), current.region()), pick(change.country(), current.country())));
	}

	private static @Nullable String pick(@Nullable String change, @Nullable String current) {
		return change != null ? change : current;
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/**
	 * The keyset position of a row: the sort, the row's id and its sort key (last: a name
	 * may hold anything).
	 */
	private static Cursor position(Customer customer, CustomerOrder order) {
		String key = order.byName() ? customer.name().toLowerCase(Locale.ROOT) : customer.updatedAt().toString();
		return Cursor.of(order.param(), customer.id().toString(), key);
	}

	private static CustomerSearch.Position position(String cursor, CustomerOrder order) {
		Cursor decoded = Cursor.decode(cursor, 3);
		try {
			if (!decoded.part(0).equals(order.param())) {
				throw Cursor.invalid();
			}
			if (!order.byName()) {
				Instant.parse(decoded.part(2));
			}
			return new CustomerSearch.Position(decoded.part(2), UUID.fromString(decoded.part(1)));
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw Cursor.invalid();
		}
	}

}
