// Manages the catalogue through Loupe's Admin API with the unchanged @medusajs/js-sdk 2.21.2 (secret API key auth),
// and checks each change through the Store API at once: create a product with options, variants and prices, find it,
// reprice a variant, link a collection and a category, delete it. Exits non-zero on the first failure.
// Usage: node admin.mjs <base-url> <publishable-key> <secret-api-key>
import Medusa from "@medusajs/js-sdk"
import { check, passedChecks, status } from "./checks.mjs"

const [baseUrl, publishableKey, apiKey] = process.argv.slice(2)
if (!baseUrl || !publishableKey || !apiKey) {
  console.error("usage: node admin.mjs <base-url> <publishable-key> <secret-api-key>")
  process.exit(2)
}
const admin = new Medusa({ baseUrl, apiKey }).admin
const store = new Medusa({ baseUrl, publishableKey }).store

const unauthenticated = new Medusa({ baseUrl, apiKey: "sk_" + "0".repeat(64) }).admin
check(await status(unauthenticated.product.list()) === 401, "an unknown secret key is refused with 401")

const { regions } = await store.region.list()
const usd = regions.find((r) => r.currency_code === "usd")
check(usd, "a USD region exists")
const run = Date.now().toString(36)
const handle = `sdk-harness-frame-${run}`

const { product } = await admin.product.create({
  title: `SDK Harness Frame ${run}`, handle, status: "published",
  options: [{ title: "Colour", values: ["Black", "Clear"] }],
  variants: [
    { title: "Black", sku: `SDK-BLK-${run}`, options: { Colour: "Black" }, prices: [{ currency_code: "usd", amount: 99.5 }] },
    { title: "Clear", sku: `SDK-CLR-${run}`, options: { Colour: "Clear" }, prices: [{ currency_code: "usd", amount: 89 }] },
  ],
})
check(product.id.startsWith("prod_") && product.handle === handle, "product created")
check(product.variants.length === 2 && product.options[0].values.length === 2, "with its variants and options")
const black = product.variants.find((v) => v.title === "Black")
check(black.prices.length === 1 && black.prices[0].amount === 99.5, "the variant's price is stored exactly")

const listed = await admin.product.list({ q: handle })
check(listed.count === 1 && listed.products[0].id === product.id, "the new product is found by the admin list")
const retrieved = await admin.product.retrieve(product.id)
check(retrieved.product.status === "published", "the product is published")

const price = async () => (await store.product.retrieve(product.id, { region_id: usd.id })).product.variants
  .find((v) => v.id === black.id).calculated_price.calculated_amount
check(await price() === 99.5, "shoppers see the new product's price")
await admin.product.updateVariant(product.id, black.id, { prices: [{ currency_code: "usd", amount: 79 }] })
check(await price() === 79, "shoppers see a changed price at once")

const { collection } = await admin.productCollection.create({ title: `SDK collection ${run}` })
const { product_category } = await admin.productCategory.create({ name: `SDK category ${run}` })
const updated = await admin.product.update(product.id, {
  title: `SDK Harness Frame ${run} II`, collection_id: collection.id, categories: [{ id: product_category.id }],
})
check(updated.product.title.endsWith(" II") && updated.product.collection.id === collection.id, "product updated")
const inCollection = await store.product.list({ collection_id: [collection.id] })
check(inCollection.count === 1 && inCollection.products[0].id === product.id, "shoppers find it in its collection")
const inCategory = await store.product.list({ category_id: [product_category.id] })
check(inCategory.count === 1, "shoppers find it in its category")

check(await status(admin.product.create({ title: "No variants" })) === 400, "a product without variants is refused")
check(await status(admin.product.create({ title: "Dup", handle, variants: [{ title: "x" }] })) === 422,
  "a duplicate handle is refused")

const deleted = await admin.product.delete(product.id)
check(deleted.deleted === true && deleted.id === product.id, "product deleted")
check(await status(store.product.retrieve(product.id)) === 404, "a deleted product is gone for shoppers")
await admin.productCollection.delete(collection.id)
await admin.productCategory.delete(product_category.id)
check(await status(admin.productCollection.retrieve(collection.id)) === 404, "collection deleted")

console.log(`Admin API: ${passedChecks()} checks passed`)
