package io.prax.payroll;

import java.util.EnumSet;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The body of an employee PATCH: the {@link EmployeeInput} to apply, and the optional
 * references sent as an explicit JSON {@code null}, which clear them (an absent field
 * stays as it is). A record alone cannot tell the two apart, so the body is read as a
 * tree first.
 */
@JsonDeserialize(using = EmployeePatch.Reader.class)
@Schema(implementation = EmployeeInput.class)
record EmployeePatch(EmployeeInput input, Set<EmployeeManagement.Clearable> cleared) {

	EmployeePatch {
		cleared = Set.copyOf(cleared);
	}

	static final class Reader extends ValueDeserializer<EmployeePatch> {

		@Override
		public EmployeePatch deserialize(JsonParser parser, DeserializationContext context) {
			JsonNode body = context.readTree(parser);
			if (body == null || !body.isObject()) {
				return context.reportInputMismatch(EmployeePatch.class, "An employee change is a JSON object");
			}
			EmployeeInput input = context.readTreeAsValue(body, EmployeeInput.class);
			Set<EmployeeManagement.Clearable> cleared = EnumSet.noneOf(EmployeeManagement.Clearable.class);
			for (EmployeeManagement.Clearable field : EmployeeManagement.Clearable.values()) {
				JsonNode value = body.get(field.field());
				if (value != null && value.isNull()) {
					cleared.add(field);
				}
			}
			return new EmployeePatch(input, cleared);
		}

	}

}
