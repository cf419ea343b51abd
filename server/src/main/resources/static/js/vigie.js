// Vigie's only script: CSRF for htmx requests, and small progressive enhancements.
// Loaded as a file because the Content-Security-Policy forbids inline scripts.
(function () {
  'use strict';
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });
  // Copy buttons: <button data-copy="#id">
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button) { return; }
    var source = document.querySelector(button.getAttribute('data-copy'));
    if (source && navigator.clipboard) {
      navigator.clipboard.writeText(source.value || source.textContent.trim());
      button.setAttribute('data-copied', 'true');
    }
  });
  // Pickers: a ticked search result moves to the chosen list, so that the next search keeps it
  // (<input type="checkbox" data-move-to="#list">). Without script, ticked results are sent as they are.
  document.addEventListener('change', function (event) {
    var box = event.target.closest('[data-move-to]');
    if (!box || !box.checked) { return; }
    var target = document.querySelector(box.getAttribute('data-move-to'));
    var item = box.closest('li');
    if (target && item) {
      box.removeAttribute('data-move-to');
      target.appendChild(item);
    }
  });
  // Confirmation for destructive actions: <form data-confirm="message">
  document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();
