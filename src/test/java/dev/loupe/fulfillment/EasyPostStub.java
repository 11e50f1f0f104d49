package dev.loupe.fulfillment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WireMock playing EasyPost's API v2 with bodies shaped as EasyPost documents them: {@code POST /v2/shipments}
 * answers a shipment with three rates (USPS Priority 7.58, USPS Express 25.10, UPS Ground 6.20, all USD),
 * {@code POST /v2/shipments/{id}/buy} the bought shipment with its label, tracking code and tracker. Destinations
 * whose postal code is {@link #FAILING_ZIP} get a 500, {@link #SLOW_ZIP} an answer after 20 s.
 */
public final class EasyPostStub {

	static final String WEBHOOK_SECRET = "sécret-webhook-key";
	static final String FAILING_ZIP = "99501";
	static final String SLOW_ZIP = "99502";
	/** The tracking codes of bought labels: this prefix and the shipment's id. */
	public static final String TRACKING = "94001001054401";
	private static final String NEW_ID = "shp_{{randomValue length=16 type='ALPHANUMERIC' lowercase=true}}";
	private static final String REQUESTED_ID = "{{request.pathSegments.[2]}}";

	private static boolean trusted;

	public final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().dynamicHttpsPort());

	public EasyPostStub() {
		server.start();
		trustWireMocksCertificate();
		// Every shipment gets its own id (and, once bought, tracking code), as at EasyPost.
		server.stubFor(post(urlEqualTo("/v2/shipments")).atPriority(5)
			.willReturn(json(201, shipment(NEW_ID, null)).withTransformers("response-template")));
		server.stubFor(post(urlEqualTo("/v2/shipments")).atPriority(1)
			.withRequestBody(containing(FAILING_ZIP))
			.willReturn(json(500, """
					{"error": {"code": "INTERNAL_SERVER_ERROR", "message": "We're sorry, something went wrong.", "errors": []}}""")));
		server.stubFor(post(urlEqualTo("/v2/shipments")).atPriority(1)
			.withRequestBody(containing(SLOW_ZIP))
			.willReturn(json(201, shipment("shp_slow", null)).withFixedDelay(20_000)));
		server.stubFor(post(urlPathMatching("/v2/shipments/[^/]+/buy"))
			.willReturn(json(200, shipment(REQUESTED_ID, "rate_usps_priority")).withTransformers("response-template")));
		server.stubFor(get(urlPathMatching("/v2/shipments/[^/]+"))
			.willReturn(json(200, shipment(REQUESTED_ID, null)).withTransformers("response-template")));
	}

	/** EasyPost's client only speaks HTTPS (it casts its connection to HttpsURLConnection). */
	public String url() {
		return "https://localhost:" + server.httpsPort();
	}

	/**
	 * Makes this test JVM's HTTPS connections trust WireMock's bundled self-signed certificate as well as the JDK's
	 * authorities (other tests keep theirs), and accept the name {@code localhost} for it. Idempotent.
	 */
	private static synchronized void trustWireMocksCertificate() {
		if (trusted) {
			return;
		}
		try (java.io.InputStream in = WireMockServer.class.getClassLoader().getResourceAsStream("keystore")) {
			java.security.KeyStore store = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
			store.load(in, "password".toCharArray());
			javax.net.ssl.X509TrustManager wiremock = trustManager(store);
			javax.net.ssl.X509TrustManager jdk = trustManager(null);
			javax.net.ssl.X509TrustManager either = new javax.net.ssl.X509TrustManager() {
				@Override
				public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String auth)
						throws java.security.cert.CertificateException {
					jdk.checkClientTrusted(chain, auth);
				}

				@Override
				public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String auth)
						throws java.security.cert.CertificateException {
					try {
						jdk.checkServerTrusted(chain, auth);
					}
					catch (java.security.cert.CertificateException notPublic) {
						wiremock.checkServerTrusted(chain, auth);
					}
				}

				@Override
				public java.security.cert.X509Certificate[] getAcceptedIssuers() {
					return jdk.getAcceptedIssuers();
				}
			};
			javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
			context.init(null, new javax.net.ssl.TrustManager[] { either }, null);
			javax.net.ssl.HttpsURLConnection.setDefaultSSLSocketFactory(context.getSocketFactory());
			javax.net.ssl.HostnameVerifier standard = javax.net.ssl.HttpsURLConnection.getDefaultHostnameVerifier();
			javax.net.ssl.HttpsURLConnection.setDefaultHostnameVerifier(
					(host, session) -> "localhost".equals(host) || standard.verify(host, session));
			trusted = true;
		}
		catch (java.io.IOException | java.security.GeneralSecurityException e) {
			throw new IllegalStateException("Cannot trust WireMock's certificate", e);
		}
	}

	private static javax.net.ssl.X509TrustManager trustManager(java.security.KeyStore store)
			throws java.security.GeneralSecurityException {
		javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory
			.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
		factory.init(store);
		for (javax.net.ssl.TrustManager tm : factory.getTrustManagers()) {
			if (tm instanceof javax.net.ssl.X509TrustManager x509) {
				return x509;
			}
		}
		throw new IllegalStateException("No X.509 trust manager");
	}

	public void stop() {
		server.stop();
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
	}

	/** A shipment as EasyPost answers it; bought with {@code selectedRate}, or not yet bought when null. */
	static String shipment(String id, String selectedRate) {
		boolean bought = selectedRate != null;
		return """
				{
				  "id": "%s", "object": "Shipment", "mode": "test", "reference": null, "status": "%s",
				  "tracking_code": %s,
				  "created_at": "2026-11-23T15:00:00Z", "updated_at": "2026-11-23T15:00:00Z",
				  "to_address": {"id": "adr_to", "object": "Address", "name": "Sam Shopper", "street1": "1 Main St",
				    "city": "Springfield", "state": "IL", "zip": "62701", "country": "US"},
				  "from_address": {"id": "adr_from", "object": "Address", "name": "Loupe Warehouse",
				    "street1": "417 Montgomery Street", "city": "San Francisco", "state": "CA", "zip": "94104", "country": "US"},
				  "parcel": {"id": "prcl_1", "object": "Parcel", "length": 9.0, "width": 6.0, "height": 2.0, "weight": 31.8},
				  "rates": [%s],
				  "selected_rate": %s,
				  "postage_label": %s,
				  "tracker": %s,
				  "messages": [], "options": {}, "fees": [], "forms": []
				}""".formatted(id, bought ? "unknown" : "unknown", bought ? "\"" + TRACKING + id + "\"" : "null",
				rates(id),
				bought ? rate(id, "rate_usps_priority", "USPS", "Priority", "7.58") : "null",
				bought ? """
						{"id": "pl_1", "object": "PostageLabel", "label_date": "2026-11-23T15:00:00Z",
						 "label_resolution": 300, "label_size": "4x6", "label_type": "default", "label_file_type": "image/png",
						 "label_url": "https://easypost-files.s3.us-west-2.amazonaws.com/files/postage_label/label.png"}"""
						: "null",
				bought ? """
						{"id": "trk_1", "object": "Tracker", "mode": "test", "tracking_code": "%s", "status": "pre_transit",
						 "carrier": "USPS", "shipment_id": "%s", "public_url": "https://track.easypost.com/djE6dHJrXzE="}"""
					.formatted(TRACKING + id, id) : "null");
	}

	private static String rates(String shipment) {
		return rate(shipment, "rate_usps_priority", "USPS", "Priority", "7.58") + ","
				+ rate(shipment, "rate_usps_express", "USPS", "Express", "25.10") + ","
				+ rate(shipment, "rate_ups_ground", "UPS", "Ground", "6.20");
	}

	private static String rate(String shipment, String id, String carrier, String service, String amount) {
		return """
				{"id": "%s", "object": "Rate", "mode": "test", "service": "%s", "carrier": "%s", "rate": "%s",
				 "currency": "USD", "retail_rate": "%s", "retail_currency": "USD", "list_rate": "%s", "list_currency": "USD",
				 "delivery_days": 2, "delivery_date": null, "delivery_date_guaranteed": false, "est_delivery_days": 2,
				 "shipment_id": "%s", "carrier_account_id": "ca_1"}""".formatted(id, service, carrier, amount, amount, amount,
				shipment);
	}

	/** A tracker.updated event as EasyPost posts it, for a parcel of this shipment and tracking code. */
	static String trackerEvent(String eventId, String status, String shipment, String trackingCode) {
		return """
				{"id": "%s", "object": "Event", "mode": "test", "description": "tracker.updated", "status": "pending",
				 "created_at": "2026-11-24T09:00:00Z", "updated_at": "2026-11-24T09:00:00Z", "previous_attributes": {},
				 "pending_urls": [], "completed_urls": [],
				 "result": {"id": "trk_1", "object": "Tracker", "mode": "test", "tracking_code": "%s", "status": "%s",
				   "status_detail": "arrived_at_destination", "carrier": "USPS", "shipment_id": "%s",
				   "public_url": "https://track.easypost.com/djE6dHJrXzE=", "tracking_details": [], "fees": []}}"""
			.formatted(eventId, trackingCode, status, shipment);
	}

	/** The X-Hmac-Signature EasyPost sends: HMAC-SHA256 of the body under the (NFKD-normalised) secret, in hex. */
	static String sign(String body, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Normalizer.normalize(secret, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8),
					"HmacSHA256"));
			return "hmac-sha256-hex=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
