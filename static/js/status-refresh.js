// A status region that brings itself up to date ("Preparing the PDF…" until it is ready),
// instead of a <meta http-equiv="refresh"> that reloads the whole page under the reader.
// Markup: <div id="…" role="status" aria-live="polite" data-refresh-seconds="3">…</div>.
// Every few seconds the page is fetched again and the region's content replaced; it stops
// when the fresh region no longer asks to be refreshed.
(function () {
  "use strict";

  function poll(region) {
    var seconds = parseInt(region.getAttribute("data-refresh-seconds"), 10);
    if (!seconds || seconds < 1) {
      return;
    }
    window.setTimeout(function () {
      fetch(window.location.href, { credentials: "same-origin", headers: { "X-Status-Refresh": "1" } })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(region.id);
          if (!fresh) {
            return;
          }
          region.innerHTML = fresh.innerHTML;
          if (fresh.hasAttribute("data-refresh-seconds")) {
            region.setAttribute("data-refresh-seconds", fresh.getAttribute("data-refresh-seconds"));
            poll(region);
          } else {
            region.removeAttribute("data-refresh-seconds");
          }
        })
        .catch(function () { poll(region); });
    }, seconds * 1000);
  }

  document.querySelectorAll("[data-refresh-seconds][id]").forEach(poll);
})();
