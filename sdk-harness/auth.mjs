// Customer accounts with the unchanged @medusajs/js-sdk 2.21.2 against a running Loupe: register, create the
// customer, log in (token mode, then session mode with a cookie jar), read and update the profile, manage addresses,
// reset the password, log out. Exits non-zero on the first failure.
// Usage: node auth.mjs <base-url> <publishable-key>
import Medusa from "@medusajs/js-sdk"
import { check, passedChecks, status } from "./checks.mjs"

const [baseUrl, publishableKey] = process.argv.slice(2)
if (!baseUrl || !publishableKey) {
  console.error("usage: node auth.mjs <base-url> <publishable-key>")
  process.exit(2)
}

const run = Date.now().toString(36)
const email = `sdk-shopper-${run}@example.com`
const password = "correct horse battery"

// Token mode (the SDK keeps the JWT in memory in Node).
const sdk = new Medusa({ baseUrl, publishableKey, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
const registration = await sdk.auth.register("customer", "emailpass", { email, password })
check(typeof registration === "string" && registration.split(".").length === 3, "registration answers a token")
const { customer } = await sdk.store.customer.create({ email, first_name: "Sam", last_name: "Shopper" })
check(customer.id.startsWith("cus_") && customer.email === email && customer.has_account, "customer created")
const token = await sdk.auth.login("customer", "emailpass", { email, password })
check(typeof token === "string", "login answers a token")
const me = await sdk.store.customer.retrieve()
check(me.customer.id === customer.id && me.customer.first_name === "Sam", "the profile is the customer's")
const updated = await sdk.store.customer.update({ first_name: "Samantha", phone: "+1 555 0100" })
check(updated.customer.first_name === "Samantha", "profile updated")

const withAddress = await sdk.store.customer.createAddress({
  first_name: "Samantha", last_name: "Shopper", address_1: "1 Harbour Street", city: "Portland", country_code: "us",
  postal_code: "97201", is_default_shipping: true,
})
check(withAddress.customer.addresses.length === 1, "address added")
const addressId = withAddress.customer.addresses[0].id
check(withAddress.customer.default_shipping_address_id === addressId, "it is the default shipping address")
const listed = await sdk.store.customer.listAddress()
check(listed.count === 1 && listed.addresses[0].city === "Portland", "addresses listed")
await sdk.store.customer.updateAddress(addressId, { city: "Boston", postal_code: "02108" })
const one = await sdk.store.customer.retrieveAddress(addressId)
check(one.address.city === "Boston", "address updated")
await sdk.store.customer.deleteAddress(addressId)
check((await sdk.store.customer.listAddress()).count === 0, "address deleted")

check(await status(sdk.auth.login("customer", "emailpass", { email, password: "wrong password!" })) === 401,
  "a wrong password is refused")
await sdk.auth.logout()
check(await status(sdk.store.customer.retrieve()) === 401, "logged out: the profile is refused")

// Session mode: the SDK exchanges the token for a cookie; a cookie jar stands in for the browser.
const jar = new Map()
const realFetch = globalThis.fetch
const browserFetch = async (url, init = {}) => {
  const headers = new Headers(init.headers)
  if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "))
  const response = await realFetch(url, { ...init, headers })
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";")
    const [name, value] = pair.split("=")
    if (value) jar.set(name, value)
    else jar.delete(name)
  }
  return response
}
globalThis.fetch = browserFetch
try {
  const browser = new Medusa({ baseUrl, publishableKey, auth: { type: "session" } })
  await browser.auth.login("customer", "emailpass", { email, password })
  check(jar.has("connect.sid"), "session mode sets the session cookie")
  const viaCookie = await browser.store.customer.retrieve()
  check(viaCookie.customer.id === customer.id, "the cookie alone reads the profile")
  await browser.auth.logout()
  check(await status(browser.store.customer.retrieve()) === 401, "logout ends the session")
} finally {
  globalThis.fetch = realFetch
}

await sdk.auth.resetPassword("customer", "emailpass", { identifier: email })
await sdk.auth.resetPassword("customer", "emailpass", { identifier: `nobody-${run}@example.com` })
check(true, "both reset requests answered 201") // the SDK throws otherwise

console.log(`Customer accounts: ${passedChecks()} checks passed`)
