// Stripe's Payment Element on the review step. Card details go from the browser to Stripe only; when Stripe has
// confirmed the PaymentIntent (with 3-D Secure in place, or after a redirect to data-return), the place-order form
// is sent and the server authorises the payment by reading the intent itself.
(function () {
  var mount = document.getElementById('payment-element');
  var form = document.querySelector('form[data-stripe-form]');
  var error = document.getElementById('payment-error');
  if (!mount || !form) { return; }
  if (typeof Stripe !== 'function') {
    error.textContent = 'Card payments cannot load right now. Please reload the page or choose another payment method.';
    error.hidden = false;
    return;
  }
  var stripe = Stripe(mount.dataset.key);
  var elements = stripe.elements({ clientSecret: mount.dataset.secret });
  elements.create('payment').mount(mount);
  var button = form.querySelector('button[type=submit]');
  var confirmed = false;
  form.addEventListener('submit', function (e) {
    if (confirmed) { return; }
    e.preventDefault();
    e.stopPropagation();
    if (button.getAttribute('aria-disabled') === 'true') { return; }
    button.setAttribute('aria-disabled', 'true');
    var label = button.textContent;
    button.textContent = button.dataset.busy || 'Please wait…';
    error.hidden = true;
    stripe.confirmPayment({
      elements: elements,
      redirect: 'if_required',
      confirmParams: { return_url: new URL(mount.dataset.return, window.location.href).href }
    }).then(function (result) {
      if (result.error) {
        error.textContent = result.error.message || 'Your card was not accepted. Please check it or try another.';
        error.hidden = false;
        button.removeAttribute('aria-disabled');
        button.textContent = label;
        return;
      }
      confirmed = true;
      form.dataset.sent = '1';
      form.submit();
    });
  });
})();
