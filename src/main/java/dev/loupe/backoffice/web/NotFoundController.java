package dev.loupe.backoffice.web;

import dev.loupe.platform.LoupeException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Any other address under /app: the back office's own 404 page (after the sign-in check, so the addresses that
 * exist are not revealed to strangers). The assets are left to their resource handler.
 */
@Controller
class NotFoundController {

	@RequestMapping({ "/app/{section:(?!assets$)[^.]+}", "/app/{section:(?!assets$)[^.]+}/**" })
	@Requires(signedIn = true)
	String notFound() {
		throw new LoupeException(dev.loupe.platform.ErrorType.NOT_FOUND, "There is no page at this address.");
	}
}
