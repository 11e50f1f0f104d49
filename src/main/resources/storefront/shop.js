// Progressive enhancement only: every page works without this file.
(function () {
  document.addEventListener('change', function (e) {
    var el = e.target;
    if (el.matches && el.matches('[data-autosubmit]') && el.form) { el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit(); }
  });
  // Gallery: a thumbnail shows its image in place instead of opening it.
  document.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('[data-gallery]');
    if (!link) { return; }
    var main = document.getElementById('gallery-main');
    if (!main) { return; }
    e.preventDefault();
    main.src = link.getAttribute('href');
    document.querySelectorAll('[data-gallery]').forEach(function (a) { a.classList.toggle('current', a === link); });
  });
  // A form marked data-once can be sent once: its button is disabled while it is sent (no double orders).
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.matches('[data-once]')) { return; }
    if (form.dataset.sent) { e.preventDefault(); return; }
    form.dataset.sent = '1';
    form.querySelectorAll('button[type=submit]').forEach(function (b) {
      b.setAttribute('aria-disabled', 'true');
      b.dataset.label = b.textContent;
      b.textContent = b.dataset.busy || 'Please wait…';
    });
  });
})();
