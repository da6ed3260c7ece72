package io.prax.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.prax.platform.PeerAddress;
import io.prax.platform.PraxProperties;
import io.prax.platform.ProblemException;
import io.prax.platform.PublicEndpoint;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The first-run set-up page and, when enabled, the public sign-up page. */
@Controller
class OnboardingController {

	private final Onboarding onboarding;

	private final FirstRun firstRun;

	private final PraxProperties properties;

	OnboardingController(Onboarding onboarding, FirstRun firstRun, PraxProperties properties) {
		this.onboarding = onboarding;
		this.firstRun = firstRun;
		this.properties = properties;
	}

	record TenantForm(@Nullable String tenantSlug, @Nullable String tenantName, @Nullable String region,
			@Nullable String adminName, @Nullable String adminEmail, @Nullable String adminPassword) {

		static TenantForm empty() {
			return new TenantForm(null, null, "US", null, null, null);
		}

		Onboarding.NewTenant request() {
			return new Onboarding.NewTenant(nz(tenantSlug), nz(tenantName), region == null ? "US" : region,
					nz(adminEmail), nz(adminName), adminPassword == null ? "" : adminPassword);
		}

		private static String nz(@Nullable String value) {
			return value == null ? "" : value;
		}
	}

	@GetMapping("/setup")
	@PublicEndpoint("first-run set-up through the one-time link, before any user exists")
	String setup(@RequestParam(required = false) @Nullable String token, HttpServletRequest request, Model model) {
		requireSetup(token, request);
		return page(model, "auth/setup", token, TenantForm.empty(), Map.of(), null);
	}

	@PostMapping("/setup")
	@PublicEndpoint("first-run set-up through the one-time link, before any user exists")
	String completeSetup(@RequestParam(required = false) @Nullable String token, @ModelAttribute TenantForm form,
			HttpServletRequest request, Model model) {
		requireSetup(token, request);
		try {
			onboarding.onboard(form.request());
			firstRun.setupDone();
			return "redirect:/login?passwordSet";
		}
		catch (ProblemException ex) {
			return failed(model, "auth/setup", token, form, ex);
		}
	}

	@GetMapping("/signup")
	@PublicEndpoint("self sign-up of a new workspace, when enabled")
	String signup(Model model) {
		requireSignup();
		return page(model, "auth/signup", null, TenantForm.empty(), Map.of(), null);
	}

	@PostMapping("/signup")
	@PublicEndpoint("self sign-up of a new workspace, when enabled")
	String completeSignup(@ModelAttribute TenantForm form, Model model) {
		requireSignup();
		try {
			onboarding.onboard(form.request());
			return "redirect:/login?passwordSet";
		}
		catch (ProblemException ex) {
			return failed(model, "auth/signup", null, form, ex);
		}
	}

	private String failed(Model model, String view, @Nullable String token, TenantForm form, ProblemException ex) {
		Map<String, String> errors = new LinkedHashMap<>(ex.fieldErrors());
		if (ex.code().startsWith("password_")) {
			errors.put("adminPassword", ex.getMessage());
			model.addAttribute("passwordRule", ex.code());
		}
		String error = errors.isEmpty() ? ex.getMessage() : "Please correct the marked fields.";
		return page(model, view, token, form, errors, error);
	}

	private String page(Model model, String view, @Nullable String token, TenantForm form, Map<String, String> errors,
			@Nullable String error) {
		model.addAttribute("token", token);
		model.addAttribute("form", new TenantForm(form.tenantSlug(), form.tenantName(), form.region(), form.adminName(),
				form.adminEmail(), null));
		model.addAttribute("errors", errors);
		model.addAttribute("error", error);
		return view;
	}

	/**
	 * From this machine only: judged on the socket's peer, which no forwarded header can
	 * make loopback.
	 */
	private void requireSetup(@Nullable String token, HttpServletRequest request) {
		if (!PeerAddress.fromThisMachine(request) || !firstRun.setupAllowed(token)) {
			throw ProblemException.notFound("Page");
		}
	}

	private void requireSignup() {
		if (!properties.signupEnabled()) {
			throw ProblemException.notFound("Page");
		}
	}

}
