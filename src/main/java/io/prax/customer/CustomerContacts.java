package io.prax.customer;

import static io.prax.platform.Text.clean;
import static io.prax.platform.Validation.checked;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.groups.Default;

import io.prax.audit.ReasonForChange;
import io.prax.identity.CurrentUser;
import io.prax.platform.Page;
import io.prax.platform.ProblemException;
import io.prax.platform.Validation.OnCreate;
import io.prax.platform.Validation.OnUpdate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The contacts of the customers the caller may see ({@link VisibleCustomers}); a contact
 * of a customer that is not visible answers 404 like one that does not exist. Input is
 * checked by the constraints of {@link ContactInput} before any method runs.
 */
@Service
@Validated
public class CustomerContacts {

	private final VisibleCustomers visible;

	private final Contacts contacts;

	private final Clock clock;

	CustomerContacts(VisibleCustomers visible, Contacts contacts, Clock clock) {
		this.visible = visible;
		this.contacts = contacts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<ContactView> contacts(CustomerId customer) {
		visible.require(customer);
		return contacts.findByCustomer(customer.value()).stream().map(Contact::view).toList();
	}

	/**
	 * A page of the customer's contacts by name; a customer has few, so they are paged in
	 * memory.
	 */
	@Transactional(readOnly = true)
	public Page<ContactView> contacts(CustomerId customer, @Nullable String cursor, @Nullable Integer limit) {
		return Page.ofSorted(contacts(customer), c -> c.name().toLowerCase(Locale.ROOT) + "\n" + c.id(), cursor, limit);
	}

	@Transactional(readOnly = true)
	public ContactView contact(CustomerId customer, ContactId contactId) {
		visible.require(customer);
		return find(customer, contactId).view();
	}

	@Transactional
	@Validated({ Default.class, OnCreate.class })
	public ContactView addContact(CustomerId customer, @Valid ContactInput input) {
		visible.require(customer);
		String name = checked(input.name()).strip();
		Contact contact = new Contact(customer.value(), name);
		contact.update(name, clean(input.email()), clean(input.phone()), clean(input.position()));
		return contacts.saveAndFlush(contact).view();
	}

	@Transactional
	@Validated({ Default.class, OnUpdate.class })
	public ContactView updateContact(CustomerId customer, ContactId contactId, @Valid ContactInput input) {
		ReasonForChange.give(input.reason());
		visible.require(customer);
		Contact contact = find(customer, contactId);
		contact.requireVersion(checked(input.version()));
		contact.update(input.name() != null ? checked(clean(input.name())) : contact.name(),
				input.email() != null ? clean(input.email()) : contact.email(),
				input.phone() != null ? clean(input.phone()) : contact.phone(),
				input.position() != null ? clean(input.position()) : contact.position());
		return contacts.saveAndFlush(contact).view();
	}

	@Transactional
	public void deleteContact(CustomerId customer, ContactId contactId, @Nullable Long version,
			@DeletionReason @Nullable String reason) {
		visible.require(customer);
		Contact contact = find(customer, contactId);
		String why = checked(reason).strip();
		if (version != null) {
			contact.requireVersion(version);
		}
		contact.delete(Instant.now(clock), CurrentUser.require().id().value(), why);
		contacts.saveAndFlush(contact);
	}

	private Contact find(CustomerId customer, ContactId contactId) {
		return contacts.findByCustomerIdAndId(customer.value(), contactId.value())
			.orElseThrow(() -> ProblemException.notFound("Contact"));
	}

}
