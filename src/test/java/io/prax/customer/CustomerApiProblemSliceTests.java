package io.prax.customer;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;

import io.prax.platform.ProblemException;
import io.prax.platform.Validation.OnCreate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A web slice (no database, no other module): the customer API with the one error
 * handling turns validation failures, unreadable bodies, bad ids and missing records into
 * RFC 9457 problems with a stable {@code code}. Authentication, the permission guard and
 * the service are the integration tests' business (CustomerApiTests,
 * CustomerValidationTests); here the service is a mock and the filters are off.
 */
@WebMvcTest(useDefaultFilters = false,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = { "io\\.prax\\.customer\\.CustomerApiController", "io\\.prax\\.platform\\.ErrorHandling" }))
@AutoConfigureMockMvc(addFilters = false)
class CustomerApiProblemSliceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Validator validator;

	@MockitoBean
	CustomerManagement customers;

	@MockitoBean
	CustomerContacts contacts;

	@Test
	void aConstraintViolationIsA400ProblemWithPerFieldErrors() throws Exception {
		CustomerInput input = new CustomerInput("", "not-an-email", null, null, null, null, null);
		Set<ConstraintViolation<CustomerInput>> violations = validator.validate(input, Default.class, OnCreate.class);
		given(customers.create(any())).willThrow(new ConstraintViolationException(violations));

		mvc.perform(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"\",\"email\":\"not-an-email\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("validation_failed"))
			.andExpect(jsonPath("$.errors.name").value("Enter the customer's name"))
			.andExpect(jsonPath("$.errors.email").exists());
	}

	@Test
	void anUnreadableBodyIsMalformedRequestNotA500() throws Exception {
		mvc.perform(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("malformed_request"));
	}

	@Test
	void anIdThatIsNoUuidIsMalformedRequest() throws Exception {
		mvc.perform(get("/api/v1/customers/not-a-uuid"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("malformed_request"));
	}

	@Test
	void aMissingCustomerIsA404Problem() throws Exception {
		UUID id = UUID.randomUUID();
		given(customers.get(new CustomerId(id))).willThrow(ProblemException.notFound("Customer"));

		mvc.perform(get("/api/v1/customers/" + id))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.code").value("not_found"));
	}

	@Test
	void aWrongContentTypeIsUnsupportedMediaType() throws Exception {
		mvc.perform(post("/api/v1/customers").contentType(MediaType.TEXT_PLAIN).content("name=x"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.code").value("unsupported_media_type"));
	}

	@Test
	void anUnexpectedFailureIsA500ProblemWithoutItsMessage() throws Exception {
		given(customers.get(any())).willThrow(new IllegalStateException("secret internals"));

		mvc.perform(get("/api/v1/customers/" + UUID.randomUUID()))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.code").value("internal_error"))
			.andExpect(jsonPath("$.detail").value("Something went wrong on our side; nothing was changed"));
	}

}
