package dev.loupe.platform.ops;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness as Medusa answers it: {@code GET /health} → 200 {@code OK}. Readiness is /actuator/health/readiness. */
@RestController
class HealthController {

	@GetMapping(path = "/health", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> health() {
		return ResponseEntity.ok("OK");
	}
}
