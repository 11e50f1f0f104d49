// Shared by the harness scripts: fail loudly on the first broken expectation, count the ones that held.
let passed = 0

export function check(condition, what) {
  if (!condition) {
    console.error(`FAIL: ${what}`)
    process.exit(1)
  }
  passed++
}

/** The HTTP status a call of the SDK ended with: 200 when it resolved, the error's status when it threw. */
export async function status(promise) {
  try {
    await promise
    return 200
  } catch (e) {
    return e.status
  }
}

export function passedChecks() {
  return passed
}
