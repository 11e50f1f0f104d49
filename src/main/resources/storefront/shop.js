// Progressive enhancement only: every page works without this file.
(function () {
  document.addEventListener('change', function (e) {
    var el = e.target;
    if (el.matches && el.matches('[data-autosubmit]') && el.form) { el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit(); }
  });
  // On a phone the filter panel starts folded (it would push the products below the fold) unless filters are chosen.
  function foldFilters() {
    var panel = document.querySelector('.filter-panel');
    if (panel && !panel.hasAttribute('data-active') && window.matchMedia('(max-width: 959px)').matches) { panel.open = false; }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', foldFilters); } else { foldFilters(); }
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
