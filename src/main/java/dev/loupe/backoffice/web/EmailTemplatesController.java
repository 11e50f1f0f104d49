package dev.loupe.backoffice.web;

import dev.loupe.identity.Permission;
import dev.loupe.notification.EmailPreviews;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Email template previews for admins: each template rendered with sample data and the store's branding — the HTML
 * part in a sandboxed frame (no scripts, no same origin: the email cannot touch the back office) and the plain-text
 * part beside it. Nothing is sent.
 */
@Controller
class EmailTemplatesController {

	private final EmailPreviews previews;

	EmailTemplatesController(EmailPreviews previews) {
		this.previews = previews;
	}

	@GetMapping("/app/settings/emails")
	@Requires(Permission.SETTINGS_WRITE)
	String first() {
		return "redirect:/app/settings/emails/" + previews.templates().keySet().iterator().next();
	}

	@GetMapping("/app/settings/emails/{template}")
	@Requires(Permission.SETTINGS_WRITE)
	String preview(@PathVariable String template, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Staff staff = Staff.of(request);
		EmailPreviews.Preview preview = previews.render(template)
			.orElseThrow(() -> LoupeException.notFound("Email template", StaffController.shown(template)));
		model.addAttribute("frame", new Frame(staff, preview.label(), "templates", Flash.take(request, response)));
		model.addAttribute("templates", previews.templates());
		model.addAttribute("preview", preview);
		return "app/emails";
	}
}
