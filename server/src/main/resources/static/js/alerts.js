// Live alerts: one Server-Sent Events stream per page for a signed-in person. A new notification
// bumps the bell's count and, on the notification centre, reloads the list (through the server,
// which applies the visibility policy again). EventSource reconnects by itself after a drop.
(function () {
  'use strict';
  function refreshList() {
    var list = document.querySelector('[data-live-list]');
    if (list && window.htmx) {
      window.htmx.ajax('GET', list.getAttribute('data-refresh'), {target: list, swap: 'outerHTML'});
    }
  }
  function start() {
    var bell = document.getElementById('notification-bell');
    if (!bell || !window.EventSource) {
      return;
    }
    var source = new EventSource(bell.getAttribute('data-stream'));
    // tells whoever looks (people on slow links, and browser tests) whether live updates are on
    // and catches up on (re)connection: what arrived between the page's rendering and the stream's
    // opening, or while a dropped stream was reconnecting, was never pushed to this page
    source.addEventListener('open', function () {
      bell.setAttribute('data-live', 'open');
      refreshList();
    });
    source.addEventListener('error', function () {
      bell.setAttribute('data-live', 'reconnecting');
    });
    source.addEventListener('notification', function () {
      var count = document.getElementById('notification-count');
      var n = parseInt(count.textContent || '0', 10) + 1;
      count.textContent = String(n);
      count.hidden = false;
      refreshList();
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
