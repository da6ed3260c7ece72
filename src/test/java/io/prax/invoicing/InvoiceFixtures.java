package io.prax.invoicing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.prax.support.Api;

/** Company details, customers and drafts in domain language, through the API. */
final class InvoiceFixtures {

	private InvoiceFixtures() {
	}

	static Map<String, Object> company(String name) {
		Map<String, Object> company = new LinkedHashMap<>();
		company.put("name", name);
		company.put("address",
				Map.of("line1", "1 Seller Street", "postalCode", "10115", "city", "Berlin", "country", "DE"));
		company.put("taxId", "DE999999999");
		company.put("email", "billing@seller.example");
		company.put("phone", "+49 30 000000");
		company.put("defaultCurrency", "EUR");
		company.put("paymentTermsDays", 14);
		company.put("bankDetails", "IBAN DE02 1203 0000 0000 2020 51");
		company.put("invoiceNumberPrefix", "");
		return company;
	}

	static String customer(Api api, String token, String name, String city) {
		var created = api.post("/api/v1/customers", Map.of("name", name, "taxId", "BUYER-TAX-1", "billingAddress",
				Map.of("line1", "7 Buyer Road", "postalCode", "80331", "city", city, "country", "DE")), token);
		if (created.status() != 201) {
			throw new AssertionError(created.body());
		}
		return created.text("id");
	}

	static Map<String, Object> line(String description, String quantity, String unitPrice, String taxRate) {
		return Map.of("description", description, "quantity", quantity, "unitPrice", unitPrice, "taxRate", taxRate);
	}

	static Map<String, Object> draft(String customerId, String currency, List<Map<String, Object>> lines) {
		return Map.of("customerId", customerId, "currency", currency, "dueDate", "2099-12-31", "lines", lines);
	}

	static String createDraft(Api api, String token, String customerId) {
		var created = api.post("/api/v1/invoices",
				draft(customerId, "EUR",
						List.of(line("Consulting, March", "10", "120.00", "0.19"),
								line("Travel expenses", "1", "85.50", "0.07"), line("Licence", "3", "33.333", "0.19"))),
				token);
		if (created.status() != 201) {
			throw new AssertionError(created.body());
		}
		return created.text("id");
	}

}
