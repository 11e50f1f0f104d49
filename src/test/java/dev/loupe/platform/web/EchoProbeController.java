package dev.loupe.platform.web;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A JSON endpoint with a body and a path id, until the Store and Admin APIs have real ones. */
@RestController
public class EchoProbeController {

	private static final Logger log = LoggerFactory.getLogger(EchoProbeController.class);

	@PostMapping(path = "/auth/test-probe/echo/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> echo(@PathVariable String id, @RequestBody Object body) {
		return Map.of("id", id, "body", body);
	}

	@GetMapping(path = "/auth/test-probe/echo", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> echo(@RequestParam(defaultValue = "") String q) {
		log.info("Echoing query {}", q);
		return Map.of("q", q);
	}
}
