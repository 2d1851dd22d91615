/* Saves a check-in draft as the coach types. Without JavaScript the form still works:
   "Save draft" and "Log check-in" submit it normally. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave-url]");
  if (!form || !window.fetch || !window.FormData) { return; }
  var url = form.getAttribute("data-autosave-url");
  var idInput = form.querySelector("[data-checkin-id]");
  var status = form.querySelector("[data-autosave-status]");
  var timer = null;
  var saving = false;
  var again = false;

  function save() {
    if (saving) { again = true; return; }
    saving = true;
    var data = new FormData(form);
    data.delete("intent");
    fetch(url, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (result.ok) {
        if (idInput && !idInput.value) {
          idInput.value = String(result.body.id);
          form.setAttribute("action", result.body.url);
          if (window.history && window.history.replaceState) {
            window.history.replaceState(null, "", result.body.url);
          }
        }
        if (status) { status.textContent = result.body.message; }
      }
    }).catch(function () {
      /* Offline or a server hiccup: the form can still be submitted normally. */
    }).then(function () {
      saving = false;
      if (again) { again = false; schedule(); }
    });
  }

  function schedule() {
    if (timer) { window.clearTimeout(timer); }
    timer = window.setTimeout(save, 1200);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("submit", function () { if (timer) { window.clearTimeout(timer); } });
})();
