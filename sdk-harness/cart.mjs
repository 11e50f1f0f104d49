// Carts with the unchanged @medusajs/js-sdk 2.21.2 against a running Loupe: create a cart in each demo region, add,
// merge, change and remove lines, set addresses, and check every total to the cent against the prices the Store API
// shows (tax added in the US, included in Europe). Exits non-zero on the first failure.
// Usage: node cart.mjs <base-url> <publishable-key>
import Medusa from "@medusajs/js-sdk"
import { check, passedChecks, status } from "./checks.mjs"

const [baseUrl, publishableKey] = process.argv.slice(2)
if (!baseUrl || !publishableKey) {
  console.error("usage: node cart.mjs <base-url> <publishable-key>")
  process.exit(2)
}
const sdk = new Medusa({ baseUrl, publishableKey })
const cents = (x) => Math.round(x * 100)

const { regions } = await sdk.store.region.list()
const us = regions.find((r) => r.currency_code === "usd")
const eu = regions.find((r) => r.currency_code === "eur")
check(us && eu, "US and European regions exist")

// Two stocked physical variants, with their prices in USD.
const { products } = await sdk.store.product.list({
  region_id: us.id, limit: 50, fields: "*variants.calculated_price,+variants.inventory_quantity",
})
const variants = products.filter((p) => p.variants.length)
  .flatMap((p) => p.variants.filter((v) => v.inventory_quantity >= 5 && v.calculated_price).slice(0, 1))
check(variants.length >= 2, "two stocked, priced variants to buy")
const [a, b] = variants

let { cart } = await sdk.store.cart.create({ region_id: us.id })
check(cart.id.startsWith("cart_") && cart.currency_code === "usd" && cart.items.length === 0, "empty US cart created")
;({ cart } = await sdk.store.cart.createLineItem(cart.id, { variant_id: a.id, quantity: 1 }))
;({ cart } = await sdk.store.cart.createLineItem(cart.id, { variant_id: a.id, quantity: 1 }))
check(cart.items.length === 1 && cart.items[0].quantity === 2, "the same variant merges into one line")
;({ cart } = await sdk.store.cart.createLineItem(cart.id, { variant_id: b.id, quantity: 3 }))
const lineB = cart.items.find((i) => i.variant_id === b.id)
;({ cart } = await sdk.store.cart.updateLineItem(cart.id, lineB.id, { quantity: 1 }))
const expected = cents(a.calculated_price.calculated_amount) * 2 + cents(b.calculated_price.calculated_amount)
check(cents(cart.item_subtotal) === expected, `item subtotal ${cart.item_subtotal} is the shelf prices`)
check(cart.tax_total === 0, "no tax before an address")

;({ cart } = await sdk.store.cart.update(cart.id, {
  email: "harness@example.com",
  shipping_address: { first_name: "Harness", last_name: "Shopper", address_1: "1 Test Street", city: "Austin",
    country_code: "us", postal_code: "73301" },
}))
check(cart.email === "harness@example.com" && cart.shipping_address.city === "Austin", "email and address set")
const taxes = cart.items.reduce((sum, i) => sum + cents(i.tax_total), 0)
check(taxes === cents(cart.tax_total) && cart.tax_total > 0, "US sales tax is added per line")
check(cents(cart.total) === cents(cart.subtotal) + cents(cart.tax_total), "total = subtotal + tax (tax-exclusive)")
check(cents(cart.total) === cart.items.reduce((s, i) => s + cents(i.total), 0), "total = sum of the line totals")

check(await status(sdk.store.cart.update(cart.id, {
  shipping_address: { address_1: "Unter den Linden 1", city: "Berlin", country_code: "de" },
})) === 400, "a German address is refused in the US region")
check(await status(sdk.store.cart.createLineItem(cart.id, { variant_id: a.id, quantity: 0 })) === 400,
  "quantity 0 is refused")
check(await status(sdk.store.cart.createLineItem(cart.id, { variant_id: "variant_nope", quantity: 1 })) === 400,
  "an unknown variant is refused")

const removed = await sdk.store.cart.deleteLineItem(cart.id, lineB.id)
check(removed.deleted === true && removed.parent.items.length === 1, "line removed")

// Europe: prices include VAT, so the total is the shelf price and the tax is inside it.
let { cart: euCart } = await sdk.store.cart.create({ region_id: eu.id, items: [{ variant_id: a.id, quantity: 1 }] })
;({ cart: euCart } = await sdk.store.cart.update(euCart.id, {
  shipping_address: { first_name: "Eva", last_name: "Example", address_1: "Unter den Linden 1", city: "Berlin",
    country_code: "de", postal_code: "10117" },
}))
const { product: inEurope } = await sdk.store.product.retrieve(products.find((p) => p.variants.some((v) => v.id === a.id)).id,
  { region_id: eu.id, fields: "*variants.calculated_price" })
const shelf = inEurope.variants.find((v) => v.id === a.id).calculated_price.calculated_amount
check(cents(euCart.total) === cents(shelf), `EU total ${euCart.total} is the VAT-inclusive shelf price ${shelf}`)
check(euCart.tax_total > 0 && cents(euCart.subtotal) + cents(euCart.tax_total) === cents(euCart.total),
  "EU VAT is inside the total")
check((await sdk.store.cart.retrieve(euCart.id)).cart.id === euCart.id, "cart retrieved by id")

console.log(`Carts: ${passedChecks()} checks passed`)
