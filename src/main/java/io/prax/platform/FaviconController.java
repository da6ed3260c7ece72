package io.prax.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Browsers ask for /favicon.ico on their own; point them at the SVG icon. */
@Controller
class FaviconController {

	@GetMapping("/favicon.ico")
	@PublicEndpoint("static icon")
	String favicon() {
		return "redirect:/img/favicon.svg";
	}

}
