package dev.loupe.adminapi.internal;

import static dev.loupe.adminapi.internal.ApiSchemas.amount;
import static dev.loupe.adminapi.internal.ApiSchemas.array;
import static dev.loupe.adminapi.internal.ApiSchemas.bool;
import static dev.loupe.adminapi.internal.ApiSchemas.currency;
import static dev.loupe.adminapi.internal.ApiSchemas.id;
import static dev.loupe.adminapi.internal.ApiSchemas.integer;
import static dev.loupe.adminapi.internal.ApiSchemas.measure;
import static dev.loupe.adminapi.internal.ApiSchemas.metadata;
import static dev.loupe.adminapi.internal.ApiSchemas.nullableText;
import static dev.loupe.adminapi.internal.ApiSchemas.obj;
import static dev.loupe.adminapi.internal.ApiSchemas.oneOf;
import static dev.loupe.adminapi.internal.ApiSchemas.ref;
import static dev.loupe.adminapi.internal.ApiSchemas.text;
import static dev.loupe.adminapi.internal.ApiSchemas.time;
import static dev.loupe.adminapi.internal.ApiSchemas.typed;

import dev.loupe.identity.Permission;
import dev.loupe.platform.ErrorType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Admin API's shared schemas ({@code #/components/schemas}): the error, the resources as the routes answer them
 * ({@code AdminJson} and the routes' {@code json} methods) and the bodies as the routes and modules read them.
 */
final class AdminApiSchemas {

	static final String[] ROLES = { "admin", "associate", "optician", "lab", "warehouse", "buyer" };

	private AdminApiSchemas() {
	}

	static Map<String, Schema<?>> components() {
		Map<String, Schema<?>> c = new LinkedHashMap<>();
		c.put("Error", obj().req("type", oneOf(Arrays.stream(ErrorType.values()).map(ErrorType::code).toArray(String[]::new)))
			.req("message", typed("string").description("For people: names the offending field, id or parameter."))
			.describe("Every refusal: the type of error and a message; the HTTP status goes with the type.")
			.schema());
		c.put("Deleted", obj().req("id", typed("string")).req("object", typed("string")).req("deleted", bool())
			.opt("parent", typed("object").description("The parent after the change, where there is one."))
			.schema());
		resources(c);
		bodies(c);
		return c;
	}

	// ---------------------------------------------------------------- answers

	private static void resources(Map<String, Schema<?>> c) {
		c.put("Price", obj().req("id", id("price")).req("variant_id", id("variant")).req("currency_code", currency())
			.req("amount", amount()).req("rules", obj().opt("region_id", id("reg")).schema()).schema());
		c.put("ProductOption", obj().req("id", id("opt")).req("title", typed("string")).req("product_id", id("prod"))
			.req("values", array(obj().req("id", typed("string")).req("value", typed("string")).schema(), 0)).schema());
		c.put("ProductVariant", obj().req("id", id("variant")).req("title", typed("string"))
			.req("sku", typed("string", "null")).opt("barcode", typed("string", "null"))
			.req("manage_inventory", bool()).req("allow_backorder", bool())
			.opt("weight", typed("number", "null")).opt("variant_rank", typed("integer", "null"))
			.req("product_id", id("prod")).req("prices", array(ref("Price"), 0))
			.opt("options", array(typed("object"), 0)).opt("metadata", metadata())
			.opt("created_at", time()).opt("updated_at", time()).schema());
		c.put("ProductCollection", obj().req("id", id("pcol")).req("title", typed("string")).req("handle", typed("string"))
			.opt("metadata", metadata()).opt("created_at", time()).opt("updated_at", time()).schema());
		c.put("ProductCategory", obj().req("id", id("pcat")).req("name", typed("string")).req("handle", typed("string"))
			.opt("description", typed("string", "null")).req("rank", typed("integer"))
			.req("parent_category_id", typed("string", "null")).req("is_active", bool()).req("is_internal", bool())
			.opt("mpath", typed("string")).opt("metadata", metadata()).opt("created_at", time()).opt("updated_at", time())
			.schema());
		c.put("ProductType", obj().req("id", id("ptyp")).req("value", typed("string")).opt("created_at", time()).schema());
		c.put("ProductTag", obj().req("id", id("ptag")).req("value", typed("string")).opt("created_at", time()).schema());
		c.put("Product", obj().req("id", id("prod")).req("title", typed("string")).req("handle", typed("string"))
			.opt("subtitle", typed("string", "null")).opt("description", typed("string", "null"))
			.req("status", oneOf("draft", "proposed", "published", "rejected")).req("kind", kind())
			.opt("thumbnail", typed("string", "null")).opt("collection_id", typed("string", "null"))
			.opt("type", typed("object", "null")).opt("collection", typed("object", "null"))
			.req("categories", array(ref("ProductCategory"), 0)).req("tags", array(ref("ProductTag"), 0))
			.req("images", array(obj().req("id", typed("string")).req("url", typed("string")).schema(), 0))
			.req("options", array(ref("ProductOption"), 0)).req("variants", array(ref("ProductVariant"), 0))
			.req("sales_channels", array(obj().req("id", id("sc")).schema(), 0)).opt("metadata", metadata())
			.opt("created_at", time()).opt("updated_at", time()).schema());
		c.put("PriceList", obj().req("id", id("plist")).req("title", typed("string")).opt("description", typed("string", "null"))
			.req("type", oneOf("sale", "override")).req("status", oneOf("active", "draft")).req("starts_at", time())
			.req("ends_at", time()).req("prices", array(ref("Price"), 0)).opt("created_at", time()).schema());
		c.put("Promotion", obj().req("id", id("promo")).req("code", typed("string", "null")).req("is_automatic", bool())
			.req("status", oneOf("draft", "active", "inactive")).req("limit", typed("integer", "null"))
			.req("used", typed("integer")).opt("limit_per_customer", typed("integer", "null"))
			.req("starts_at", time()).req("ends_at", time())
			.req("minimum_subtotals", array(obj().req("currency_code", currency()).req("amount", amount()).schema(), 0))
			.req("application_method", obj().req("type", oneOf("percentage", "fixed"))
				.req("target_type", oneOf("items", "order", "shipping_methods")).req("allocation", oneOf("each", "across"))
				.req("value", typed("number")).opt("currency_code", typed("string", "null"))
				.req("target_rules", array(typed("object"), 0)).schema())
			.opt("metadata", metadata()).opt("created_at", time()).schema());
		c.put("Customer", obj().req("id", id("cus")).req("email", typed("string")).opt("first_name", typed("string", "null"))
			.opt("last_name", typed("string", "null")).opt("phone", typed("string", "null")).req("has_account", bool())
			.req("addresses", array(typed("object"), 0)).opt("created_at", time()).schema());
		c.put("CustomerGroup", obj().req("id", id("cusgroup")).req("name", typed("string"))
			.opt("metadata", metadata()).opt("created_at", time())
			.opt("updated_at", time()).schema());
		ApiSchemas.Obj group = obj().req("name", text(100)).opt("metadata", metadata()).closed();
		c.put("CustomerGroupCreate", group.schema());
		c.put("CustomerGroupUpdate", group.partial());
		c.put("CustomerGroupMembers", obj().opt("add", array(typed("string").maxLength(100), 500))
			.opt("remove", array(typed("string").maxLength(100), 500)).closed().schema());
		c.put("ShippingOption", obj().req("id", id("so")).req("name", typed("string")).req("price_type", typed("string"))
			.req("service_zone_id", id("reg")).req("provider_id", typed("string")).opt("shipping_profile_id", typed("string", "null"))
			.req("type", obj().req("label", typed("string", "null")).req("code", typed("string")).schema())
			.req("country_codes", array(typed("string"), 0)).req("is_enabled", bool())
			.req("prices", array(obj().req("currency_code", currency()).req("amount", amount())
				.opt("free_over", typed("number", "null")).req("is_tax_inclusive", bool()).schema(), 0))
			.req("brackets", array(typed("object"), 0)).opt("created_at", time()).schema());
		c.put("ShippingProfile", obj().req("id", id("sp")).req("name", typed("string")).req("type", typed("string"))
			.opt("metadata", metadata()).opt("created_at", time()).schema());
		Schema<?> lines = array(obj().req("line_item_id", typed("string")).req("variant_id", typed("string", "null"))
			.req("quantity", typed("integer")).schema(), 0);
		c.put("Fulfillment", obj().req("id", id("ful")).req("order_id", id("order")).req("status", typed("string"))
			.opt("location_id", typed("string", "null")).req("items", lines)
			.req("tracking_number", typed("string", "null")).req("carrier", typed("string", "null"))
			.req("tracking_url", typed("string", "null")).opt("label_url", typed("string", "null"))
			.req("created_at", time()).req("shipped_at", time()).req("delivered_at", time()).req("canceled_at", time())
			.schema());
		c.put("FulfillmentAnswer", obj().req("fulfillment", ref("Fulfillment"))
			.req("order", obj().req("id", id("order")).req("fulfillment_status", typed("string")).req("status", typed("string")).schema())
			.schema());
		c.put("Return", obj().req("id", id("ret")).req("order_id", id("order")).req("status", typed("string"))
			.req("reason", typed("string")).opt("note", typed("string", "null")).opt("location_id", typed("string", "null"))
			.req("refund_amount", typed("number", "null")).req("items", lines).req("created_at", time())
			.req("received_at", time()).schema());
		c.put("User", obj().req("id", id("user")).req("email", typed("string")).req("first_name", typed("string", "null"))
			.req("last_name", typed("string", "null")).req("role", oneOf(ROLES)).schema());
		c.put("Invite", obj().req("id", id("invite")).req("email", typed("string")).req("role", oneOf(ROLES))
			.req("accepted", bool()).req("open", bool()).req("expires_at", time()).req("created_at", time()).schema());
		c.put("ApiKey", obj().req("id", id("apk")).req("title", typed("string")).req("type", oneOf("secret"))
			.req("redacted", typed("string")).req("scopes", array(oneOf(scopes()), 0))
			.opt("token", typed("string").description("The key `sk_…`: only in the answer that creates it."))
			.req("created_at", time()).req("last_used_at", time()).req("revoked_at", time()).schema());
		c.put("Webhook", obj().req("id", typed("string")).req("source", typed("string")).req("event_id", typed("string"))
			.req("type", typed("string", "null")).req("status", typed("string")).req("attempts", typed("integer"))
			.opt("last_error", typed("string", "null")).opt("payload", typed("string", "object", "null")
				.description("The raw payload as received (only when reading one delivery)."))
			.schema());
		c.put("UploadedFile", obj().req("id", typed("string")).req("url", typed("string")).req("size", typed("integer"))
			.req("mime_type", typed("string")).schema());
	}

	// ---------------------------------------------------------------- bodies

	private static void bodies(Map<String, Schema<?>> c) {
		c.put("PriceInput", obj().req("currency_code", currency()).req("amount", amount())
			.opt("rules", obj().opt("region_id", id("reg")).closed()
				.describe("A region price: the region must exist and use `currency_code`.").schema())
			.opt("id", typed("string")).closed().schema());
		c.put("PriceListPriceInput", obj().req("variant_id", id("variant")).req("currency_code", currency())
			.req("amount", amount()).opt("rules", obj().opt("region_id", id("reg")).closed().schema()).closed().schema());
		c.put("VariantCreate", variantFields(obj().req("title", text(500))).schema());
		c.put("VariantUpdate", variantFields(obj().opt("title", text(500))).partial());
		c.put("ProductCreate", productFields(obj().req("title", text(500)))
			.opt("options", array(obj().req("title", text(200)).req("values", array(text(200), 200).minItems(1)).closed()
				.schema(), 10).description("At most 10; without options the product gets one default option."))
			.req("variants", array(ref("VariantCreate"), 500).minItems(1)).schema());
		c.put("ProductUpdate", productFields(obj().opt("title", text(500))).partial());
		ApiSchemas.Obj option = obj().opt("metadata", metadata()).closed();
		c.put("OptionCreate", option.req("title", text(200)).req("values", array(text(200), 200).minItems(1)
			.uniqueItems(true)).schema());
		c.put("OptionUpdate", option.partial());
		ApiSchemas.Obj collection = obj().req("title", text(500)).opt("handle", handle()).opt("metadata", metadata()).closed();
		c.put("CollectionCreate", collection.schema());
		c.put("CollectionUpdate", collection.partial());
		ApiSchemas.Obj category = obj().req("name", text(500)).opt("handle", handle()).opt("description", text(20_000))
			.opt("parent_category_id", typed("string", "null").maxLength(100)).opt("rank", integer(0, 100_000))
			.opt("is_active", bool()).opt("is_internal", bool()).opt("metadata", metadata()).closed();
		c.put("CategoryCreate", category.schema());
		c.put("CategoryUpdate", category.partial());
		c.put("ValueCreate", obj().req("value", text(200)).opt("metadata", metadata()).closed().schema());
		ApiSchemas.Obj priceList = obj().req("title", text(500)).opt("description", text(20_000))
			.opt("type", oneOf("sale", "override").description("Default `sale`."))
			.opt("status", oneOf("active", "draft").description("Default `draft`."))
			.opt("starts_at", time()).opt("ends_at", time()).closed();
		c.put("PriceListUpdate", priceList.partial());
		c.put("PriceListCreate", priceList.opt("prices", array(ref("PriceListPriceInput"), 10_000)).schema());
		c.put("PriceListBatch", obj().opt("create", array(ref("PriceListPriceInput"), 10_000))
			.opt("delete", array(text(100), 10_000).description("Ids of prices of this list to remove.")).closed()
			.describe("`update` is refused: delete a price and create it anew.").schema());
		ApiSchemas.Obj promotion = obj().opt("code", text(64).pattern("^[A-Za-z0-9_-]{1,64}$")
			.description("Required unless `is_automatic`."))
			.opt("is_automatic", bool()).opt("is_tax_inclusive", bool()).opt("is_combinable", bool())
			.opt("type", oneOf("standard")).opt("status", oneOf("draft", "active", "inactive").description("Default `draft`."))
			.opt("limit", integer(1, 1_000_000_000)).opt("limit_per_customer", integer(1, 1_000_000))
			.opt("starts_at", time()).opt("ends_at", time().description("After `starts_at`."))
			.opt("minimum_subtotals", array(obj().req("currency_code", currency()).req("amount", amount()).closed().schema(), 200))
			.opt("rules", array(obj().req("attribute", oneOf("customer.groups.id")).opt("operator", oneOf("in"))
				.req("values", array(text(100), 100)).closed().schema(), 10)
				.description("Limits the promotion to customers of these customer groups (guests never get it)."))
			.opt("metadata", metadata()).closed();
		Schema<?> method = obj().req("type", oneOf("percentage", "fixed"))
			.req("target_type", oneOf("items", "order", "shipping_methods"))
			.opt("allocation", oneOf("each", "across").description("Default `across`; must be `across` for `order`."))
			.req("value", typed("number").exclusiveMinimumValue(java.math.BigDecimal.ZERO)
				.description("A percentage (at most 100) or an amount in `currency_code`."))
			.opt("currency_code", currency().description("Required for `fixed`.")).opt("max_quantity", integer(1, 10_000))
			.opt("description", text(500))
			.opt("target_rules", array(obj().req("attribute", oneOf("items.product.id", "items.product.collection_id",
					"items.product.categories.id")).opt("operator", oneOf("in", "eq")).req("values", array(text(100), 1000))
				.closed().schema(), 20).description("Only with `target_type: items`."))
			.closed().schema();
		c.put("PromotionUpdate", promotion.opt("application_method", method).partial());
		c.put("PromotionCreate", promotion.req("application_method", method).schema());
		Schema<?> shippingPrices = array(obj().req("currency_code", currency()).req("amount", amount())
			.opt("free_over", amount().description("Free from this subtotal on.")).opt("is_tax_inclusive", bool()).closed()
			.schema(), 20).description("In the region's currency.");
		Schema<?> brackets = array(obj().req("up_to_grams", integer(1, Integer.MAX_VALUE)).req("currency_code", currency())
			.req("amount", amount()).opt("is_tax_inclusive", bool()).closed().schema(), 100)
			.description("Table rates by parcel weight, in the region's currency.");
		ApiSchemas.Obj shipping = obj().req("service_zone_id", id("reg").description("The region (Medusa's service zone); "
				+ "`region_id` is accepted instead."))
			.req("name", text(200)).opt("shipping_profile_id", text(100)).req("provider_id", text(100))
			.req("price_type", oneOf("flat", "calculated"))
			.req("type", obj().req("code", text(50)).opt("label", text(200)).opt("description", text(1000)).closed().schema())
			.opt("prices", shippingPrices).opt("brackets", brackets).opt("country_codes", array(text(10), 300))
			.opt("data", metadata()).opt("metadata", metadata()).opt("is_enabled", bool().description("Default true."))
			.closed();
		c.put("ShippingOptionCreate", shipping.schema());
		c.put("ShippingOptionUpdate", shipping.partial());
		c.put("ShippingProfileCreate", obj().req("name", text(200)).opt("type", oneOf("custom", "default", "digital")
				.description("Default `custom`; a store has one `default` and one `digital` profile at most."))
			.opt("metadata", metadata()).closed().schema());
		Schema<?> lineItems = array(obj().req("id", id("ordli")).req("quantity", integer(1, 1_000_000)).closed().schema(),
				1000).minItems(1);
		c.put("FulfillmentCreate", obj().req("items", lineItems).opt("location_id", text(100)).opt("metadata", metadata())
			.closed().schema());
		c.put("Shipment", obj().opt("tracking_number", text(200)).opt("carrier", text(100)).opt("tracking_url", text(2000))
			.opt("labels", array(obj().opt("tracking_number", text(200)).opt("tracking_url", text(2000))
				.opt("label_url", text(2000)).closed().schema(), 10).description("Medusa's form; the first label counts."))
			.closed().schema());
		c.put("LabelPurchase", obj().opt("rate_id", text(100).description("A rate of the quote; default the cheapest."))
			.closed().schema());
		c.put("ReturnCreate", obj().req("items", lineItems).req("reason", text(50)).opt("note", text(500))
			.opt("location_id", text(100).description("Where the items are restocked."))
			.opt("refund_amount", typed("number").exclusiveMinimumValue(java.math.BigDecimal.ZERO)
				.description("In the order's currency, at most its decimals."))
			.closed().schema());
		c.put("UserUpdate", obj().opt("first_name", text(200)).opt("last_name", text(200)).opt("role", oneOf(ROLES))
			.closed().schema());
		c.put("InviteCreate", obj().req("email", text(300).format("email")).opt("role", oneOf(ROLES)
			.description("Default `associate`.")).opt("metadata", metadata()).closed().schema());
		c.put("ApiKeyCreate", obj().req("title", text(200)).opt("type", oneOf("secret"))
			.opt("scopes", array(oneOf(scopes()), 10).description("Default: every scope.")).closed().schema());
		c.put("EmailPass", obj().req("email", text(300)).req("password", text(1000)).closed().schema());
		c.put("InviteAccept", obj().req("token", text(100)).req("password", text(1000)).opt("first_name", text(200))
			.opt("last_name", text(200)).closed().schema());
		c.put("Token", obj().req("token", typed("string").description("A staff access token (bearer).")).schema());
	}

	private static ApiSchemas.Obj productFields(ApiSchemas.Obj start) {
		return start.opt("subtitle", text(500)).opt("description", text(20_000)).opt("handle", handle())
			.opt("status", oneOf("draft", "proposed", "published", "rejected").description("Default `draft`."))
			.opt("kind", kind()).opt("is_giftcard", bool()).opt("discountable", bool())
			.opt("thumbnail", nullableText(2000).description("An http(s) URL or the `/files/…` path of an upload."))
			.opt("images", array(obj().req("url", text(2000)).opt("id", typed("string")).closed().schema(), 50))
			.opt("material", nullableText(500)).opt("origin_country", nullableText(2).description("ISO 3166 alpha-2."))
			.opt("hs_code", nullableText(500)).opt("mid_code", nullableText(500)).opt("external_id", nullableText(500))
			.opt("weight", measure()).opt("length", measure()).opt("height", measure()).opt("width", measure())
			.opt("type_id", nullableText(100)).opt("collection_id", nullableText(100))
			.opt("categories", array(obj().req("id", id("pcat")).schema(), 100))
			.opt("tags", array(obj().opt("id", typed("string")).opt("value", text(200)).closed().schema(), 100)
				.description("`{value}` creates the tag if it is new."))
			.opt("sales_channels", array(obj().req("id", id("sc")).schema(), 100)
				.description("Default on create: the store's default channel."))
			.opt("metadata", metadata()).closed();
	}

	private static ApiSchemas.Obj variantFields(ApiSchemas.Obj start) {
		return start.opt("sku", nullableText(200)).opt("barcode", nullableText(200)).opt("ean", nullableText(200))
			.opt("upc", nullableText(200)).opt("manage_inventory", bool().description("Default true."))
			.opt("allow_backorder", bool()).opt("weight", measure()).opt("length", measure()).opt("height", measure())
			.opt("width", measure()).opt("origin_country", nullableText(2)).opt("hs_code", nullableText(200))
			.opt("mid_code", nullableText(200)).opt("material", nullableText(200)).opt("variant_rank", integer(0, 100_000))
			.opt("options", typed("object").description("One value per option of the product: `{\"Colour\": \"Red\"}`."))
			.opt("prices", array(ref("PriceInput"), 100).description("Replaces all the variant's prices."))
			.opt("metadata", metadata()).closed();
	}

	private static Schema<?> handle() {
		return text(200).pattern("^[a-z0-9]+(?:-[a-z0-9]+)*$").description("Default: made from the title.");
	}

	private static Schema<?> kind() {
		return oneOf("standard", "digital", "optical_frame", "optical_lens", "contact_lens");
	}

	private static String[] scopes() {
		return Arrays.stream(Permission.values()).map(Permission::code).toArray(String[]::new);
	}
}
