package io.prax.customer;

import java.net.URI;
import java.util.UUID;

import io.prax.access.Permission;
import io.prax.access.RequiresPermission;
import io.prax.platform.Page;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Customers", description = "Customers and their contacts")
@RestController
@RequestMapping("/api/v1/customers")
class CustomerApiController {

	private final CustomerManagement customers;

	private final CustomerContacts contacts;

	CustomerApiController(CustomerManagement customers, CustomerContacts contacts) {
		this.customers = customers;
		this.contacts = contacts;
	}

	/** Body of a DELETE: the reason is required, the version optional. */
	record Deletion(@Nullable String reason, @Nullable Long version) {
	}

	@Operation(summary = "List or search customers")
	@GetMapping
	@RequiresPermission(Permission.CUSTOMERS_VIEW)
	Page<CustomerView> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String sort) {
		return customers.list(q, cursor, limit, CustomerOrder.parse(sort));
	}

	@Operation(summary = "Create a customer")
	@PostMapping
	@RequiresPermission(Permission.CUSTOMERS_CREATE)
	ResponseEntity<CustomerView> create(@RequestBody CustomerInput input) {
		CustomerView created = customers.create(input);
		return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id())).body(created);
	}

	@Operation(summary = "Get a customer")
	@GetMapping("/{id}")
	@RequiresPermission(Permission.CUSTOMERS_VIEW)
	CustomerView get(@PathVariable UUID id) {
		return customers.get(new CustomerId(id));
	}

	@Operation(summary = "Change a customer (optimistic: send the version read)")
	@PatchMapping("/{id}")
	@RequiresPermission(Permission.CUSTOMERS_EDIT)
	CustomerView update(@PathVariable UUID id, @RequestBody CustomerInput input) {
		return customers.update(new CustomerId(id), input);
	}

	@Operation(summary = "Delete a customer, with a reason when its module is regulated")
	@DeleteMapping("/{id}")
	@RequiresPermission(Permission.CUSTOMERS_DELETE)
	ResponseEntity<Void> delete(@PathVariable UUID id, @RequestBody(required = false) @Nullable Deletion body,
			@RequestParam(required = false) @Nullable String reason) {
		customers.delete(new CustomerId(id), body == null ? null : body.version(),
				body != null && body.reason() != null ? body.reason() : reason);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "List a customer's contacts")
	@GetMapping("/{id}/contacts")
	@RequiresPermission(Permission.CONTACTS_VIEW)
	Page<ContactView> contacts(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return contacts.contacts(new CustomerId(id), cursor, limit);
	}

	@Operation(summary = "Add a contact to a customer")
	@PostMapping("/{id}/contacts")
	@RequiresPermission(Permission.CONTACTS_CREATE)
	ResponseEntity<ContactView> addContact(@PathVariable UUID id, @RequestBody ContactInput input) {
		ContactView created = contacts.addContact(new CustomerId(id), input);
		return ResponseEntity.created(URI.create("/api/v1/customers/" + id + "/contacts/" + created.id()))
			.body(created);
	}

	@Operation(summary = "Get one contact of a customer")
	@GetMapping("/{id}/contacts/{contactId}")
	@RequiresPermission(Permission.CONTACTS_VIEW)
	ContactView contact(@PathVariable UUID id, @PathVariable UUID contactId) {
		return contacts.contact(new CustomerId(id), new ContactId(contactId));
	}

	@Operation(summary = "Change a contact")
	@PatchMapping("/{id}/contacts/{contactId}")
	@RequiresPermission(Permission.CONTACTS_EDIT)
	ContactView updateContact(@PathVariable UUID id, @PathVariable UUID contactId, @RequestBody ContactInput input) {
		return contacts.updateContact(new CustomerId(id), new ContactId(contactId), input);
	}

	@Operation(summary = "Delete a contact")
	@DeleteMapping("/{id}/contacts/{contactId}")
	@RequiresPermission(Permission.CONTACTS_DELETE)
	ResponseEntity<Void> deleteContact(@PathVariable UUID id, @PathVariable UUID contactId,
			@RequestBody(required = false) @Nullable Deletion body,
			@RequestParam(required = false) @Nullable String reason) {
		contacts.deleteContact(new CustomerId(id), new ContactId(contactId), body == null ? null : body.version(),
				body != null && body.reason() != null ? body.reason() : reason);
		return ResponseEntity.noContent().build();
	}

}
