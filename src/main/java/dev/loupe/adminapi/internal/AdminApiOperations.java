package dev.loupe.adminapi.internal;

import static dev.loupe.adminapi.internal.ApiOperation.op;
import static dev.loupe.adminapi.internal.ApiSchemas.list;
import static dev.loupe.adminapi.internal.ApiSchemas.obj;
import static dev.loupe.adminapi.internal.ApiSchemas.ref;
import static dev.loupe.adminapi.internal.ApiSchemas.wrap;

import java.util.List;

/**
 * What each Admin API operation takes and answers, keyed by {@code "METHOD /path"} as the controllers map it. A new
 * route gets one entry here (ADR 025); {@code AdminOpenApiCompletenessTests} fails while it has none.
 */
final class AdminApiOperations {

	private static final String WRITES = " Runs in one transaction with its audit entry.";

	private AdminApiOperations() {
	}

	static List<ApiOperation> all() {
		return List.of(
				// ---------------------------------------------------------------- staff sign-in
				op("POST /auth/user/emailpass", "Sign in as staff",
						"Answers a staff access token for `Authorization: Bearer …`, renewable with `POST /auth/token/refresh` "
								+ "while the 8-hour session lives. Wrong email or password: 401, the same for both.")
					.body(ref("EmailPass"), """
							{"email": "ops@example.com", "password": "a long passphrase"}""")
					.answers(ref("Token")),
				op("POST /auth/user/invite/accept", "Accept a staff invitation",
						"Creates the member of staff from the invitation's token (from its email) and signs them in.")
					.body(ref("InviteAccept"), """
							{"token": "inv_tok_…", "password": "a long passphrase", "first_name": "Ada", "last_name": "Lovelace"}""")
					.answers(ref("Token")),

				// ---------------------------------------------------------------- products
				op("GET /admin/products", "List products",
						"Products of every status with their variants, stored prices and sales channels, newest first.")
					.page(20).query("q", "Text in the title, subtitle, description, type, tags, SKUs or handle (case-insensitive).")
					.queryList("status", "Only products in these statuses.", "draft", "proposed", "published", "rejected")
					.answers(list("products", "Product")),
				op("GET /admin/products/{id}", "Get a product", "One product of any status.").answers(wrap("product", "Product")),
				op("POST /admin/products", "Create a product",
						"A product with its options and at least one variant; each variant gives one value per option, and "
								+ "`prices` sets its base prices. Status defaults to `draft`." + WRITES)
					.body(ref("ProductCreate"), """
							{"title": "Aurora sensor", "status": "published",
							 "options": [{"title": "Colour", "values": ["Black", "White", "Grey"]}],
							 "variants": [
							  {"title": "Black", "sku": "AUR-BLK", "options": {"Colour": "Black"},
							   "prices": [{"currency_code": "eur", "amount": 49.9}]},
							  {"title": "White", "sku": "AUR-WHT", "options": {"Colour": "White"},
							   "prices": [{"currency_code": "eur", "amount": 49.9}]}]}""")
					.answers(wrap("product", "Product")).fails(422, "The handle or a SKU is taken."),
				op("POST /admin/products/{id}", "Update a product",
						"Changes the fields sent; links (`categories`, `tags`, `images`, `sales_channels`) are replaced whole."
								+ WRITES)
					.body(ref("ProductUpdate"), """
							{"subtitle": "Air quality, indoors", "status": "published", "tags": [{"value": "sensors"}]}""")
					.answers(wrap("product", "Product")).fails(422, "The handle is taken."),
				op("DELETE /admin/products/{id}", "Delete a product", "Removes the product and its variants." + WRITES)
					.answers(ref("Deleted")),
				op("POST /admin/products/{id}/variants", "Add a variant",
						"A variant with one value for each option of the product; answers the whole product." + WRITES)
					.body(ref("VariantCreate"), """
							{"title": "Grey", "sku": "AUR-GRY", "options": {"Colour": "Grey"},
							 "prices": [{"currency_code": "eur", "amount": 52}]}""")
					.answers(wrap("product", "Product")).fails(422, "The SKU is taken."),
				op("POST /admin/products/{id}/variants/{variantId}", "Update a variant",
						"Changes the fields sent; `prices`, when sent, replaces all the variant's base prices." + WRITES)
					.body(ref("VariantUpdate"), """
							{"allow_backorder": true, "prices": [{"currency_code": "eur", "amount": 45}]}""")
					.answers(wrap("product", "Product")).fails(422, "The SKU is taken."),
				op("DELETE /admin/products/{id}/variants/{variantId}", "Delete a variant",
						"Removes the variant and its prices; `parent` is the product after the change." + WRITES)
					.answers(ref("Deleted")),
				op("POST /admin/products/{id}/options", "Add an option", "An option with its values." + WRITES)
					.body(ref("OptionCreate"), """
							{"title": "Size", "values": ["S", "M", "L"]}""")
					.answers(wrap("product", "Product")).fails(422, "The product has an option of this title."),
				op("POST /admin/products/{id}/options/{optionId}", "Update an option",
						"Renames the option or replaces its values." + WRITES)
					.body(ref("OptionUpdate"), """
							{"values": ["S", "M", "L", "XL"]}""")
					.answers(wrap("product", "Product")),
				op("DELETE /admin/products/{id}/options/{optionId}", "Delete an option",
						"Removes the option; `parent` is the product after the change." + WRITES)
					.answers(ref("Deleted")),

				// ---------------------------------------------------------------- catalogue
				op("GET /admin/collections", "List collections", "Collections by title.")
					.page(50).query("q", "Text in the title or handle (case-insensitive).")
					.answers(list("collections", "ProductCollection")),
				op("GET /admin/collections/{id}", "Get a collection", "One collection.")
					.answers(wrap("collection", "ProductCollection")),
				op("POST /admin/collections", "Create a collection", "The handle defaults to one made from the title." + WRITES)
					.body(ref("CollectionCreate"), """
							{"title": "Winter edit"}""")
					.answers(wrap("collection", "ProductCollection")).fails(422, "The handle is taken."),
				op("POST /admin/collections/{id}", "Update a collection", "Changes the fields sent." + WRITES)
					.body(ref("CollectionUpdate"), """
							{"title": "Winter edit 2026"}""")
					.answers(wrap("collection", "ProductCollection")).fails(422, "The handle is taken."),
				op("DELETE /admin/collections/{id}", "Delete a collection", "Its products stay, without a collection." + WRITES)
					.answers(ref("Deleted")),
				op("GET /admin/product-categories", "List categories", "Categories by rank, then name.")
					.page(50).query("q", "Text in the name or handle (case-insensitive).")
					.query("parent_category_id", "Only children of this category; `null` for top-level categories.")
					.answers(list("product_categories", "ProductCategory")),
				op("GET /admin/product-categories/{id}", "Get a category", "One category.")
					.answers(wrap("product_category", "ProductCategory")),
				op("POST /admin/product-categories", "Create a category",
						"Under `parent_category_id` if given; active and public by default." + WRITES)
					.body(ref("CategoryCreate"), """
							{"name": "Reading glasses", "rank": 2}""")
					.answers(wrap("product_category", "ProductCategory")).fails(422, "The handle is taken."),
				op("POST /admin/product-categories/{id}", "Update a category",
						"Changes the fields sent; moving under one of its own descendants is refused." + WRITES)
					.body(ref("CategoryUpdate"), """
							{"is_active": false}""")
					.answers(wrap("product_category", "ProductCategory")).fails(422, "The handle is taken."),
				op("DELETE /admin/product-categories/{id}", "Delete a category", "Removes the category." + WRITES)
					.answers(ref("Deleted")),
				op("GET /admin/product-types", "List product types", "Product types by value.")
					.page(50).query("q", "Text in the value (case-insensitive).")
					.answers(list("product_types", "ProductType")),
				op("POST /admin/product-types", "Create a product type", "A new value." + WRITES)
					.body(ref("ValueCreate"), """
							{"value": "Accessory"}""")
					.answers(wrap("product_type", "ProductType")).fails(422, "The value exists."),
				op("GET /admin/product-tags", "List product tags", "Product tags by value.")
					.page(50).query("q", "Text in the value (case-insensitive).")
					.answers(list("product_tags", "ProductTag")),
				op("POST /admin/product-tags", "Create a product tag", "A new value." + WRITES)
					.body(ref("ValueCreate"), """
							{"value": "bestseller"}""")
					.answers(wrap("product_tag", "ProductTag")).fails(422, "The value exists."),

				// ---------------------------------------------------------------- price lists and promotions
				op("GET /admin/price-lists", "List price lists", "Sales and overrides with their prices, newest first.")
					.page(20).answers(list("price_lists", "PriceList")),
				op("GET /admin/price-lists/{id}", "Get a price list", "One price list with its prices.")
					.answers(wrap("price_list", "PriceList")),
				op("POST /admin/price-lists", "Create a price list",
						"A sale or override, `draft` until made `active`, optionally within `starts_at`…`ends_at`, with its "
								+ "prices (each names an existing variant)." + WRITES)
					.body(ref("PriceListCreate"), """
							{"title": "Black Friday", "type": "sale", "status": "draft",
							 "starts_at": "2026-11-27T00:00:00Z", "ends_at": "2026-11-30T23:59:59Z",
							 "prices": [{"variant_id": "variant_01JABCDEF", "currency_code": "eur", "amount": 39}]}""")
					.answers(wrap("price_list", "PriceList")),
				op("POST /admin/price-lists/{id}", "Update a price list", "Changes the fields sent (not its prices)." + WRITES)
					.body(ref("PriceListUpdate"), """
							{"status": "active"}""")
					.answers(wrap("price_list", "PriceList")),
				op("DELETE /admin/price-lists/{id}", "Delete a price list", "Removes the list and its prices." + WRITES)
					.answers(ref("Deleted")),
				op("POST /admin/price-lists/{id}/prices/batch", "Add and remove prices of a price list",
						"Medusa's batch: `create` adds prices, `delete` removes prices of this list by id." + WRITES)
					.body(ref("PriceListBatch"), """
							{"create": [{"variant_id": "variant_01JABCDEF", "currency_code": "eur", "amount": 35}],
							 "delete": ["price_01JABCDEF"]}""")
					.answers(obj().req("created", ApiSchemas.array(ref("Price"), 0))
						.req("updated", ApiSchemas.array(ref("Price"), 0)).req("deleted", ApiSchemas.typed("object")).schema()),
				op("GET /admin/promotions", "List promotions", "Promotion codes and automatic promotions, newest first.")
					.page(20).query("q", "Text in the code (case-insensitive).").queryList("code", "Only these codes.")
					.answers(list("promotions", "Promotion")),
				op("GET /admin/promotions/{id}", "Get a promotion", "One promotion.").answers(wrap("promotion", "Promotion")),
				op("POST /admin/promotions", "Create a promotion",
						"A code (or an automatic promotion) with one application method: a percentage or fixed amount off items, "
								+ "the order or shipping, optionally only for some products, collections or categories." + WRITES)
					.body(ref("PromotionCreate"), """
							{"code": "WINTER10", "status": "active", "limit": 500,
							 "application_method": {"type": "percentage", "target_type": "order", "value": 10}}""")
					.answers(wrap("promotion", "Promotion")).fails(422, "The code is taken."),
				op("POST /admin/promotions/{id}", "Update a promotion", "Changes the fields sent." + WRITES)
					.body(ref("PromotionUpdate"), """
							{"status": "inactive"}""")
					.answers(wrap("promotion", "Promotion")).fails(422, "The code is taken."),
				op("DELETE /admin/promotions/{id}", "Delete a promotion", "Removes the promotion." + WRITES)
					.answers(ref("Deleted")),

				// ---------------------------------------------------------------- customers
				op("GET /admin/customers", "List customers",
						"Customers with their addresses, newest first. Personal data: the read is recorded in the audit log.")
					.page(20).query("q", "Text in the email, name or company name (case-insensitive).")
					.answers(list("customers", "Customer")),
				op("GET /admin/customers/{id}", "Get a customer",
						"One customer with their addresses; the read is recorded in the audit log.")
					.answers(wrap("customer", "Customer")),

				op("GET /admin/customer-groups", "List customer groups",
						"Customer groups by name, with how many customers each holds.")
					.page(20).query("q", "Text in the name (case-insensitive).")
					.answers(list("customer_groups", "CustomerGroup")),
				op("GET /admin/customer-groups/{id}", "Get a customer group", "One customer group.")
					.answers(wrap("customer_group", "CustomerGroup")),
				op("POST /admin/customer-groups", "Create a customer group",
						"Names are unique whatever their case; promotions can be limited to a group." + WRITES)
					.body(ref("CustomerGroupCreate"), """
							{"name": "Wholesale", "metadata": {"source": "crm"}}""")
					.answers(wrap("customer_group", "CustomerGroup")).fails(422, "Another group has the name."),
				op("POST /admin/customer-groups/{id}", "Update a customer group",
						"Renames the group and/or replaces its metadata (the fields sent)." + WRITES)
					.body(ref("CustomerGroupUpdate"), """
							{"name": "Wholesale partners"}""")
					.answers(wrap("customer_group", "CustomerGroup")).fails(422, "Another group has the name."),
				op("DELETE /admin/customer-groups/{id}", "Delete a customer group",
						"Removes the group and its memberships; the customers stay." + WRITES)
					.answers(ref("Deleted")),
				op("POST /admin/customer-groups/{id}/customers", "Add or remove customers",
						"Adds the customers of `add` and removes those of `remove`; every id is checked first, so an "
								+ "unknown one changes nothing." + WRITES)
					.body(ref("CustomerGroupMembers"), """
							{"add": ["cus_01JQ3Z8K6W5R2T9Y4H7N0M1B2C"], "remove": []}""")
					.answers(wrap("customer_group", "CustomerGroup")),

				// ---------------------------------------------------------------- shipping
				op("GET /admin/shipping-options", "List shipping options",
						"Every shipping option, or those of one region.")
					.unpaged("a store has a few dozen shipping options at most")
					.query("service_zone_id", "Only options of this region (Medusa's service zone).")
					.query("region_id", "The same as `service_zone_id`.")
					.answers(list("shipping_options", "ShippingOption")),
				op("GET /admin/shipping-options/{id}", "Get a shipping option", "One shipping option.")
					.answers(wrap("shipping_option", "ShippingOption")),
				op("POST /admin/shipping-options", "Create a shipping option",
						"A flat or calculated (table-rate, carrier) option of a region, with its prices per currency, an "
								+ "optional free-shipping threshold and weight brackets." + WRITES)
					.body(ref("ShippingOptionCreate"), """
							{"name": "Standard", "service_zone_id": "reg_01JABCDEF", "provider_id": "manual_manual",
							 "price_type": "flat", "type": {"code": "standard", "label": "Standard"},
							 "prices": [{"currency_code": "eur", "amount": 4.9, "free_over": 60}]}""")
					.answers(wrap("shipping_option", "ShippingOption")),
				op("POST /admin/shipping-options/{id}", "Update a shipping option",
						"Changes the fields sent; `prices` and `brackets`, when sent, are replaced whole." + WRITES)
					.body(ref("ShippingOptionUpdate"), """
							{"is_enabled": false}""")
					.answers(wrap("shipping_option", "ShippingOption")),
				op("DELETE /admin/shipping-options/{id}", "Delete a shipping option", "Removes the option." + WRITES)
					.answers(ref("Deleted")),
				op("GET /admin/shipping-profiles", "List shipping profiles", "Every shipping profile.")
					.unpaged("a store has a handful of shipping profiles")
					.answers(list("shipping_profiles", "ShippingProfile")),
				op("POST /admin/shipping-profiles", "Create a shipping profile", "A profile of a type (default `custom`)." + WRITES)
					.body(ref("ShippingProfileCreate"), """
							{"name": "Bulky goods", "type": "custom"}""")
					.answers(wrap("shipping_profile", "ShippingProfile")).fails(422, "The name or type is taken."),
				op("DELETE /admin/shipping-profiles/{id}", "Delete a shipping profile",
						"Removes a profile no option uses." + WRITES)
					.answers(ref("Deleted")),

				// ---------------------------------------------------------------- fulfilments
				op("GET /admin/orders/{id}/fulfillments", "List an order's fulfilments", "Every fulfilment of the order.")
					.unpaged("an order has a few parcels at most").answers(list("fulfillments", "Fulfillment")),
				op("POST /admin/orders/{id}/fulfillments", "Fulfil order lines",
						"A fulfilment of the chosen lines and quantities, from a stock location. With an `Idempotency-Key`, "
								+ "a retry answers the first fulfilment." + WRITES)
					.header("Idempotency-Key", "1 to 200 printable characters; the same key answers the same fulfilment.")
					.body(ref("FulfillmentCreate"), """
							{"items": [{"id": "ordli_01JABCDEF", "quantity": 1}], "location_id": "sloc_01JABCDEF"}""")
					.answers(ref("FulfillmentAnswer"))
					.fails(400, "Invalid body, more than a line's unfulfilled quantity, or an order that cannot be fulfilled."),
				op("POST /admin/orders/{id}/fulfillments/{fid}/shipments", "Ship a fulfilment",
						"Marks it shipped with its tracking; the customer is told by email." + WRITES)
					.body(ref("Shipment"), """
							{"tracking_number": "1Z999AA10123456784", "carrier": "UPS",
							 "tracking_url": "https://www.ups.com/track?tracknum=1Z999AA10123456784"}""")
					.answers(ref("FulfillmentAnswer")).fails(400, "Invalid tracking, or the fulfilment cannot be shipped (`not_allowed`)."),
				op("POST /admin/orders/{id}/fulfillments/{fid}/mark-as-delivered", "Mark a fulfilment delivered",
						"No body." + WRITES)
					.answers(ref("FulfillmentAnswer")).fails(400, "The fulfilment cannot become delivered from its state (`not_allowed`)."),
				op("POST /admin/orders/{id}/fulfillments/{fid}/cancel", "Cancel a fulfilment",
						"Frees its quantities to be fulfilled again. No body." + WRITES)
					.answers(ref("FulfillmentAnswer"))
					.fails(400, "The fulfilment cannot be canceled from its state or has a bought label (`not_allowed`)."),
				op("POST /admin/orders/{id}/fulfillments/{fid}/labels", "Buy a shipping label",
						"Buys the label from the carrier (EasyPost) for the cheapest rate or `rate_id`, and records its "
								+ "tracking. Buying again answers the label bought.")
					.body(ref("LabelPurchase"), """
							{}""")
					.answers(ref("FulfillmentAnswer")).fails(409, "A purchase of this label is under way."),

				// ---------------------------------------------------------------- returns
				op("GET /admin/orders/{id}/returns", "List an order's returns", "Every return of the order.")
					.unpaged("an order has a few returns at most").answers(list("returns", "Return")),
				op("POST /admin/orders/{id}/returns", "Request a return",
						"A return of chosen lines and quantities with a reason, an optional restock location and refund. "
								+ "With an `Idempotency-Key`, a retry answers the first return." + WRITES)
					.header("Idempotency-Key", "1 to 200 printable characters; the same key answers the same return.")
					.body(ref("ReturnCreate"), """
							{"items": [{"id": "ordli_01JABCDEF", "quantity": 1}], "reason": "damaged",
							 "note": "Scratched lens", "refund_amount": 49.9}""")
					.answers(wrap("return", "Return"))
					.fails(400, "Invalid body, more than a line's shipped and unreturned quantity, or a refund above "
							+ "what can be refunded."),
				op("POST /admin/orders/{id}/returns/{rid}/receive", "Receive a return",
						"Restocks the items and refunds the amount; receiving twice answers the received return. No body.")
					.answers(wrap("return", "Return"))
					.fails(400, "The return is canceled, or there is no captured payment to refund (`not_allowed`)."),

				// ---------------------------------------------------------------- uploads
				op("POST /admin/uploads", "Upload files",
						"Up to 20 files in the multipart field `files`; images are recognised by their content. Answers "
								+ "their URLs to put on a product." + WRITES)
					.answers(obj().req("files", ApiSchemas.array(ref("UploadedFile"), 20)).schema()),
				op("DELETE /admin/uploads/{id}", "Delete an upload", "Removes the file." + WRITES).answers(ref("Deleted")),

				// ---------------------------------------------------------------- webhooks
				op("GET /admin/webhooks", "List received webhooks",
						"Deliveries received from providers (Stripe, EasyPost), newest first. Admins only.")
					.page(20).query("source", "Only from this provider, e.g. `stripe`.")
					.query("status", "Only in this state, e.g. `failed`.").query("type", "Only of this event type.")
					.query("object_id", "Only about this provider object.")
					.answers(list("webhooks", "Webhook")),
				op("GET /admin/webhooks/{id}", "Get a received webhook", "One delivery with its raw payload. Admins only.")
					.answers(wrap("webhook", "Webhook")),
				op("POST /admin/webhooks/{id}/replay", "Replay a received webhook",
						"Processes the delivery again. No body. Admins only." + WRITES)
					.answers(wrap("webhook", "Webhook")).fails(409, "The delivery is being processed."),

				// ---------------------------------------------------------------- settings
				op("GET /admin/users", "List staff users", "Every member of staff.")
					.unpaged("a store has tens of staff users").answers(list("users", "User")),
				op("GET /admin/users/me", "Get the calling user",
						"The member of staff whose token is used; a secret API key belongs to no user (400).")
					.answers(wrap("user", "User")),
				op("GET /admin/users/{id}", "Get a staff user", "One member of staff.").answers(wrap("user", "User")),
				op("POST /admin/users/{id}", "Update a staff user", "Changes the name or role." + WRITES)
					.body(ref("UserUpdate"), """
							{"role": "warehouse"}""")
					.answers(wrap("user", "User")),
				op("DELETE /admin/users/{id}", "Remove a staff user", "Removes the user and ends their sessions." + WRITES)
					.answers(ref("Deleted")),
				op("GET /admin/invites", "List invitations", "Open, accepted and expired invitations.")
					.unpaged("a store has tens of invitations").answers(list("invites", "Invite")),
				op("POST /admin/invites", "Invite a member of staff",
						"Emails an invitation, valid for a limited time, with a role (default `associate`)." + WRITES)
					.body(ref("InviteCreate"), """
							{"email": "new.colleague@example.com", "role": "optician"}""")
					.answers(wrap("invite", "Invite")).fails(422, "A staff user with this email exists."),
				op("DELETE /admin/invites/{id}", "Revoke an invitation", "The invitation can no longer be accepted." + WRITES)
					.answers(ref("Deleted")),
				op("GET /admin/api-keys", "List secret API keys", "Every key, redacted, with its scopes.")
					.unpaged("a store has tens of keys").answers(list("api_keys", "ApiKey")),
				op("GET /admin/api-keys/{id}", "Get a secret API key", "One key, redacted.").answers(wrap("api_key", "ApiKey")),
				op("POST /admin/api-keys", "Create a secret API key",
						"A key with the scopes given (default: all); its `token` is in this answer only." + WRITES)
					.body(ref("ApiKeyCreate"), """
							{"title": "ERP sync", "scopes": ["catalog:read", "catalog:write"]}""")
					.answers(wrap("api_key", "ApiKey")),
				op("POST /admin/api-keys/{id}/revoke", "Revoke a secret API key",
						"The key stops working at once. No body." + WRITES)
					.answers(wrap("api_key", "ApiKey")));
	}
}
