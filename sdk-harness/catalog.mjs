// Drives a running Loupe with the unchanged @medusajs/js-sdk 2.21.2: regions, products with calculated prices per
// region, retrieval by id and handle, categories, collections, product options and search. Exits non-zero on the first failure.
// Usage: node catalog.mjs <base-url> <publishable-key>
import Medusa from "@medusajs/js-sdk"
import { check, passedChecks } from "./checks.mjs"

const [baseUrl, publishableKey] = process.argv.slice(2)
if (!baseUrl || !publishableKey) {
  console.error("usage: node catalog.mjs <base-url> <publishable-key>")
  process.exit(2)
}
const sdk = new Medusa({ baseUrl, publishableKey })

const { regions, count: regionCount } = await sdk.store.region.list()
check(regionCount >= 3 && regions.length === regionCount, `three or more regions listed (got ${regionCount})`)
const currencies = regions.map((r) => r.currency_code).sort()
for (const c of ["eur", "gbp", "usd"]) check(currencies.includes(c), `a region in ${c}`)
for (const r of regions) {
  check(r.id.startsWith("reg_"), `region id ${r.id} is prefixed`)
  check(Array.isArray(r.countries) && r.countries.length > 0, `region ${r.name} has countries`)
  const { region } = await sdk.store.region.retrieve(r.id)
  check(region.id === r.id && region.currency_code === r.currency_code, `retrieve region ${r.id}`)
}

for (const region of regions) {
  const { products, count, limit, offset } = await sdk.store.product.list({
    region_id: region.id, limit: 20, fields: "*variants.calculated_price,+variants.inventory_quantity",
  })
  check(count > 0 && products.length > 0 && products.length <= 20, `products listed for ${region.name}`)
  check(limit === 20 && offset === 0, "list envelope carries limit and offset")
  for (const p of products) {
    check(p.id.startsWith("prod_") && p.handle && p.title, `product ${p.id} has id, handle and title`)
    check(p.variants.length > 0, `product ${p.handle} has variants`)
    for (const v of p.variants) {
      const price = v.calculated_price
      check(price && typeof price.calculated_amount === "number", `${v.id} has a calculated price in ${region.name}`)
      check(price.currency_code === region.currency_code, `${v.id} is priced in ${region.currency_code}`)
      check(price.calculated_amount >= 0 && price.calculated_amount <= price.original_amount,
        `${v.id}: 0 <= calculated <= original`)
    }
  }
  const first = products[0]
  const { product } = await sdk.store.product.retrieve(first.id, { region_id: region.id })
  check(product.id === first.id, `retrieve product ${first.id}`)
  const byHandle = await sdk.store.product.list({ handle: first.handle, region_id: region.id })
  check(byHandle.products.length === 1 && byHandle.products[0].id === first.id, `find product by handle ${first.handle}`)
}

const { product_categories } = await sdk.store.category.list({ include_descendants_tree: true })
check(product_categories.length > 0, "categories listed")
const { collections } = await sdk.store.collection.list()
check(collections.length > 0, "collections listed")
const { collection } = await sdk.store.collection.retrieve(collections[0].id)
check(collection.id === collections[0].id, "retrieve a collection")

const { product_options, count: optionCount } = await sdk.store.productOption.list({ limit: 5 })
check(optionCount > 0 && product_options.length > 0, "product options listed")
check(product_options.every((o) => o.id && o.title && Array.isArray(o.values)), "options carry their values")
const { product_option } = await sdk.store.productOption.retrieve(product_options[0].id)
check(product_option.id === product_options[0].id, "retrieve a product option")

const search = await sdk.store.product.list({ q: "sensor" })
check(search.count > 0, "search q=sensor finds products")
const typo = await sdk.store.product.list({ q: "sensr" })
check(typo.count > 0, "search tolerates the typo q=sensr")

const wrongKey = new Medusa({ baseUrl, publishableKey: "pk_wrong" })
try {
  await wrongKey.store.product.list()
  check(false, "a wrong publishable key is refused")
} catch (e) {
  check(e.status === 400, `a wrong publishable key gives 400 (got ${e.status})`)
}
try {
  await sdk.store.product.retrieve("prod_01XXXXXXXXXXXXXXXXXXXXXXXX")
  check(false, "an unknown product is refused")
} catch (e) {
  check(e.status === 404, `an unknown product gives 404 (got ${e.status})`)
}
console.log(`js-sdk catalogue harness: ${passedChecks()} passed, 0 failed`)
