// The reference storefront's checkout (STORE-API.md steps 1–8) with the unchanged @medusajs/js-sdk 2.21.2 against a
// running Loupe: a physical item as a guest, a digital-only cart, a cart with a promotion code, and a registered
// customer who then lists their orders. Every total of each order is recomputed here from the shelf prices, the
// shipping option's amount and the US sales tax (7.25 %, added per line and on shipping) and compared to the cent.
// Usage: node checkout.mjs <base-url> <publishable-key>
import Medusa from "@medusajs/js-sdk"
import { check, passedChecks, status } from "./checks.mjs"

const [baseUrl, publishableKey] = process.argv.slice(2)
if (!baseUrl || !publishableKey) {
  console.error("usage: node checkout.mjs <base-url> <publishable-key>")
  process.exit(2)
}
const cents = (x) => Math.round(x * 100)
// Half-up rounding of a tax in cents, as Loupe rounds each tax line once.
const tax = (amountCents, ratePercent) => Math.round((amountCents * ratePercent) / 100 + 1e-9)
const US_TAX = 7.25

async function checkout(sdk, { items, email, address, promo, expectShipping }) {
  // 1–2. Region and cart.
  const { regions } = await sdk.store.region.list()
  const us = regions.find((r) => r.currency_code === "usd")
  let { cart } = await sdk.store.cart.create({ region_id: us.id })
  // 3. Lines.
  for (const { variant, quantity } of items) {
    ;({ cart } = await sdk.store.cart.createLineItem(cart.id, { variant_id: variant.id, quantity }))
  }
  // 4. Email and addresses.
  ;({ cart } = await sdk.store.cart.update(cart.id, address
    ? { email, shipping_address: address, billing_address: address } : { email }))
  // 5. Shipping.
  const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
  let shipping = null
  if (expectShipping) {
    shipping = shipping_options.find((o) => o.name === "Standard")
    check(shipping && typeof shipping.amount === "number", `a Standard shipping option with an amount (${shipping?.amount})`)
    ;({ cart } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: shipping.id }))
    check(cart.shipping_methods.length === 1, "the shipping method is on the cart")
  }
  else {
    check(shipping_options.length === 0, "a digital-only cart is offered no shipping")
  }
  if (promo) {
    ;({ cart } = await sdk.store.cart.addPromotions(cart.id, { promo_codes: [promo] }))
    check(cart.promotions.some((p) => p.code.toUpperCase() === promo.toUpperCase()), `promotion ${promo} applied`)
  }
  // 6. Payment with the manual provider.
  const { payment_providers } = await sdk.store.payment.listPaymentProviders({ region_id: us.id })
  check(payment_providers.some((p) => p.id === "pp_system_default"), "the region offers the manual provider")
  await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" })
  ;({ cart } = await sdk.store.cart.retrieve(cart.id))
  check(cart.payment_collection && cart.payment_collection.payment_sessions.length === 1, "the cart has a payment session")
  // 8. Complete.
  const completed = await sdk.store.cart.complete(cart.id)
  check(completed.type === "order", `the cart completes into an order (${completed.type} ${completed.error?.message ?? ""})`)
  const again = await sdk.store.cart.complete(cart.id)
  check(again.type === "order" && again.order.id === completed.order.id, "completing again answers the same order")
  return { cart, order: completed.order, shipping }
}

function expectTotals(label, order, { lines, shippingCents, discountCents }) {
  // Items: a line's discount is taken off before its tax; tax per line, half-up; shipping taxed alike.
  const itemCents = lines.reduce((s, l) => s + l.unitCents * l.quantity, 0)
  const discounts = discountCents ?? 0
  const lineAdjustments = order.items.map((i) => (i.adjustments ?? []).reduce((s, a) => s + cents(a.amount), 0))
  check(lineAdjustments.reduce((s, a) => s + a, 0) === discounts,
    `${label}: the lines' adjustments add up to the discount ${discounts / 100}`)
  const expectedItemTax = order.items.reduce((s, i, n) => s + tax(cents(i.unit_price) * i.quantity - lineAdjustments[n], US_TAX), 0)
  const itemTax = order.items.reduce((s, i) => s + cents(i.tax_total), 0)
  const shippingTax = shippingCents ? tax(shippingCents, US_TAX) : 0
  const taxTotal = cents(order.tax_total)
  check(cents(order.item_subtotal) === itemCents, `${label}: item subtotal ${order.item_subtotal} = shelf prices`)
  check(cents(order.discount_subtotal) === discounts, `${label}: discount ${order.discount_subtotal} = ${discounts / 100}`)
  check(itemTax === expectedItemTax, `${label}: item tax ${itemTax / 100} = 7.25 % of each discounted line (${expectedItemTax / 100})`)
  check(cents(order.shipping_subtotal) === (shippingCents ?? 0), `${label}: shipping ${order.shipping_subtotal}`)
  check(cents(order.shipping_tax_total) === shippingTax, `${label}: shipping tax ${order.shipping_tax_total}`)
  check(taxTotal === itemTax + shippingTax, `${label}: tax total ${order.tax_total} = items + shipping tax`)
  const total = itemCents - discounts + (shippingCents ?? 0) + taxTotal
  check(cents(order.total) === total, `${label}: total ${order.total} = ${total / 100} (items + shipping − discounts + tax)`)
  check(order.items.reduce((s, i) => s + cents(i.total), 0) + (order.shipping_methods ?? []).reduce((s, m) => s + cents(m.total), 0)
    === cents(order.total), `${label}: the lines and shipping add up to the total`)
  check(order.status === "pending" && order.payment_status === "authorized" && order.fulfillment_status === "not_fulfilled",
    `${label}: order ${order.display_id} pending, authorised, not fulfilled`)
}

const guest = new Medusa({ baseUrl, publishableKey })
const { regions } = await guest.store.region.list()
const us = regions.find((r) => r.currency_code === "usd")
const { products } = await guest.store.product.list({
  region_id: us.id, limit: 100, fields: "*variants.calculated_price,+variants.inventory_quantity,+variants.manage_inventory",
})
const physical = products.flatMap((p) => p.variants.filter((v) => v.calculated_price && v.inventory_quantity >= 5)
  .map((v) => ({ ...v, product: p })))
  .filter((v) => v.product.type?.value !== "Digital download" && !v.product.tags?.some((t) => t.value === "download"))
const digital = products.filter((p) => p.tags?.some((t) => t.value === "download"))
  .flatMap((p) => p.variants.filter((v) => v.calculated_price))
check(physical.length >= 2 && digital.length >= 1, "physical and digital variants to buy")
const price = (v) => cents(v.calculated_price.calculated_amount)
const address = { first_name: "Harness", last_name: "Shopper", address_1: "1 Test Street", city: "Austin",
  country_code: "us", postal_code: "73301" }

// A physical item, as a guest (a cheap one, so that free shipping does not apply).
const cheap = physical.filter((v) => price(v) < 3000).sort((a, b) => price(a) - price(b))[0] ?? physical[0]
const one = await checkout(guest, { items: [{ variant: cheap, quantity: 1 }], email: "guest@example.com", address,
  expectShipping: true })
expectTotals("physical", one.order, { lines: [{ unitCents: price(cheap), quantity: 1 }],
  shippingCents: cents(one.shipping.amount) })
check(one.order.shipping_address.city === "Austin" && one.order.email === "guest@example.com", "the order keeps address and email")
const read = await guest.store.order.retrieve(one.order.id)
check(read.order.id === one.order.id && cents(read.order.total) === cents(one.order.total), "the order reads back by its id")

// A digital-only cart: no address, no shipping.
const download = digital[0]
const two = await checkout(guest, { items: [{ variant: download, quantity: 1 }], email: "reader@example.com",
  expectShipping: false })
check(cents(two.order.total) === price(download) && cents(two.order.tax_total) === 0,
  `digital: total ${two.order.total} is the price, no tax without an address`)

// A promotion code: WELCOME10, 10 % off the items.
const [p1, p2] = physical
const three = await checkout(guest, { items: [{ variant: p1, quantity: 1 }, { variant: p2, quantity: 1 }],
  email: "promo@example.com", address, promo: "WELCOME10", expectShipping: true })
const itemCents = price(p1) + price(p2)
expectTotals("promotion", three.order, { lines: [{ unitCents: price(p1), quantity: 1 }, { unitCents: price(p2), quantity: 1 }],
  shippingCents: cents(three.shipping.amount), discountCents: Math.round(itemCents * 0.1) })
check(three.order.items.some((i) => i.adjustments?.length > 0), "the order's lines carry the promotion's adjustments")

// Bad paths through the SDK.
const { cart: bare } = await guest.store.cart.create({ region_id: us.id })
check(await status(guest.store.cart.complete(bare.id)) === 400, "completing an empty cart is refused")
check(await status(guest.store.cart.addPromotions(bare.id, { promo_codes: ["NO-SUCH-CODE"] })) === 400,
  "an unknown promotion code is refused")
check(await status(guest.store.order.retrieve("order_01HZZZZZZZZZZZZZZZZZZZZZZZ")) === 404, "an unknown order is 404")

// A registered customer buys and lists their own orders.
const run = Date.now().toString(36)
const email = `sdk-buyer-${run}@example.com`
const customerSdk = new Medusa({ baseUrl, publishableKey, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
await customerSdk.auth.register("customer", "emailpass", { email, password: "correct horse battery" })
await customerSdk.store.customer.create({ email, first_name: "Bea", last_name: "Buyer" })
await customerSdk.auth.login("customer", "emailpass", { email, password: "correct horse battery" })
const four = await checkout(customerSdk, { items: [{ variant: cheap, quantity: 2 }], email, address, expectShipping: true })
check(four.order.customer_id && four.order.customer_id.startsWith("cus_"), "the customer's order names them")
const { orders, count } = await customerSdk.store.order.list()
check(count === 1 && orders[0].id === four.order.id, "the customer lists exactly their own order")
check(await status(guest.store.order.list()) === 401, "a guest cannot list orders")

console.log(`checkout: ${passedChecks()} checks passed`)
