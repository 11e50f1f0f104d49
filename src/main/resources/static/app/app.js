// Loupe back office: confirmation dialogs. Any element with data-dialog="id" opens that <dialog>; any element with
// data-close inside a dialog closes it. Forms in dialogs post normally (with the page's CSRF token).
document.addEventListener("click", (event) => {
  const opener = event.target.closest("[data-dialog]");
  if (opener) {
    const dialog = document.getElementById(opener.dataset.dialog);
    if (dialog) {
      event.preventDefault();
      dialog.showModal();
      const first = dialog.querySelector("input:not([type=hidden]), select, textarea, button");
      if (first) first.focus();
    }
    return;
  }
  const closer = event.target.closest("[data-close]");
  if (closer) {
    event.preventDefault();
    closer.closest("dialog").close();
  }
});
// A submitted form disables its buttons, so a double click sends it once (the server is idempotent anyway).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form.method && form.method.toLowerCase() === "post") {
    setTimeout(() => form.querySelectorAll("button[type=submit]").forEach((b) => (b.disabled = true)), 0);
  }
});
// A checkbox with data-tick-all="name" ticks or unticks every checkbox of that name (bulk changes on a list).
document.addEventListener("change", (event) => {
  const all = event.target.closest("[data-tick-all]");
  if (all) {
    document.querySelectorAll(`input[type=checkbox][name="${all.dataset.tickAll}"]`).forEach((c) => (c.checked = all.checked));
  }
});
