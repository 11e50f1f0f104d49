package dev.loupe.storeapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.identity.Principal;
import dev.loupe.identity.Tokens;
import dev.loupe.platform.Ids;
import dev.loupe.storeapi.StoreApiTestSupport.Answer;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.util.Locale;

/**
 * Customers of the customer route tests, made the way a storefront makes them: a registration token (as the auth
 * routes issue after {@code /auth/customer/emailpass/register}) creates the customer, then a token for the customer
 * (as a login issues) calls the {@code /me} routes.
 */
record StoreCustomers(int port, String key, Tokens tokens, JdbcClient jdbc) {

	/** A registered customer and a token that logs them in. */
	record Shopper(String id, String email, String authIdentityId, String token) {
	}

	/** An email no other test uses. */
	static String uniqueEmail(String name) {
		return name + "." + Ids.next("t").substring(2).toLowerCase(Locale.ROOT) + "@example.com";
	}

	/**
	 * A registration token, with its login row as {@code /auth/customer/emailpass/register} leaves it (the customer
	 * routes link that row to the customer they create). A second login for an email that has one is not created.
	 */
	String registrationToken(String authIdentityId, String email) {
		jdbc.sql("""
				insert into identity.auth_identity (id, actor_type, email, password_hash) values (?, 'customer', ?, 'unused')
				on conflict do nothing""")
			.params(authIdentityId, email.toLowerCase(Locale.ROOT))
			.update();
		return tokens.issue(new Principal(Principal.ActorType.CUSTOMER, "", authIdentityId, email));
	}

	String loginToken(String customerId, String authIdentityId, String email) {
		return tokens.issue(new Principal(Principal.ActorType.CUSTOMER, customerId, authIdentityId, email));
	}

	Shopper register(String name) {
		String email = uniqueEmail(name);
		String authIdentityId = Ids.next("authid");
		Answer created = call("POST", "/store/customers", registrationToken(authIdentityId, email),
				"{\"email\": \"" + email + "\", \"first_name\": \"" + name + "\"}");
		assertThat(created.status()).as(created.raw()).isEqualTo(200);
		String id = created.body().path("customer").path("id").asString();
		return new Shopper(id, email, authIdentityId, loginToken(id, authIdentityId, email));
	}

	Answer call(String method, String path, String token, String json) {
		return StoreApiTestSupport.send(port, method, path, key, token, json);
	}

	/** Adds an address for the shopper and answers its id (the newest address of the returned customer). */
	String addAddress(Shopper shopper, String json) {
		Answer answer = call("POST", "/store/customers/me/addresses", shopper.token(), json);
		assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
		var addresses = answer.body().path("customer").path("addresses");
		return addresses.get(addresses.size() - 1).path("id").asString();
	}
}
