/* Autosave for the strategy builder: posts a section's fields with the revision the page
 * was loaded at; shows "Saved at …"; on a conflict shows both versions and lets the person
 * keep theirs, take the other, or merge by editing the form. Without JavaScript the form
 * posts normally and the server does the same checks. */
(function () {
  "use strict";
  var DELAY = 1500;

  function csrfToken(form) {
    var input = form.querySelector('input[name="csrfmiddlewaretoken"]');
    return input ? input.value : "";
  }

  function fieldsOf(form) {
    var data = {};
    form.querySelectorAll("textarea, input[type=text], input[type=radio]:checked").forEach(function (el) {
      if (el.name && el.name !== "revision") { data[el.name] = el.value; }
    });
    return data;
  }

  function setup(form) {
    var url = form.getAttribute("data-autosave-url");
    var section = form.getAttribute("data-section");
    var state = form.querySelector("#save-state");
    var panel = form.querySelector("#conflict-panel");
    var revisionInput = form.querySelector('input[name="revision"]');
    var timer = null;
    var inFlight = false;
    var pending = false;
    var lastSaved = JSON.stringify(fieldsOf(form));
    var conflict = null;

    function say(text) { if (state) { state.textContent = text; } }

    function showConflict(body) {
      conflict = body;
      revisionInput.value = body.revision;
      var theirs = panel.querySelector(".conflict-theirs-js");
      var yours = panel.querySelector(".conflict-yours-js");
      theirs.textContent = "";
      yours.textContent = "";
      Object.keys(body.theirs || {}).forEach(function (name) {
        var a = body.theirs[name], b = (body.yours || {})[name];
        if (String(a === null ? "" : a) === String(b === null ? "" : b)) { return; }
        [[theirs, a], [yours, b]].forEach(function (pair) {
          var label = document.createElement("p");
          label.className = "conflict-label";
          var field = form.querySelector('[name="' + name + '"]');
          var labelEl = field && field.id ? form.querySelector('label[for="' + field.id + '"]') : null;
          label.textContent = labelEl ? labelEl.textContent : name;
          var pre = document.createElement("pre");
          pre.className = "conflict-text";
          pre.textContent = pair[1] === null || pair[1] === undefined ? "" : String(pair[1]);
          pair[0].appendChild(label);
          pair[0].appendChild(pre);
        });
      });
      panel.hidden = false;
      say(state.getAttribute("data-conflict-label"));
      panel.querySelector("[data-conflict-action=mine]").focus();
    }

    function save() {
      timer = null;
      if (conflict) { return; }
      var fields = fieldsOf(form);
      var serialized = JSON.stringify(fields);
      if (serialized === lastSaved) { return; }
      if (inFlight) { pending = true; return; }
      inFlight = true;
      say(state.getAttribute("data-saving-label"));
      fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(form) },
        body: JSON.stringify({ section: section, revision: Number(revisionInput.value), fields: fields })
      }).then(function (response) {
        return response.json().then(function (body) { return { status: response.status, body: body }; });
      }).then(function (result) {
        inFlight = false;
        if (result.status === 200) {
          revisionInput.value = result.body.revision;
          lastSaved = serialized;
          say(result.body.message);
          form.setAttribute("data-saved-revision", result.body.revision);
        } else if (result.status === 409) {
          showConflict(result.body);
        } else {
          say(state.getAttribute("data-error-label"));
        }
        if (pending) { pending = false; schedule(); }
      }).catch(function () {
        inFlight = false;
        say(state.getAttribute("data-error-label"));
      });
    }

    function schedule() {
      if (conflict) { return; }  // nothing is saved until the person chooses
      if (timer) { clearTimeout(timer); }
      say(state.getAttribute("data-unsaved-label"));
      timer = setTimeout(save, DELAY);
    }

    form.addEventListener("submit", function () { if (timer) { clearTimeout(timer); } });
    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);

    panel.querySelector("[data-conflict-action=mine]").addEventListener("click", function () {
      // The revision now names the other person's save: saving again is a deliberate choice.
      conflict = null;
      panel.hidden = true;
      lastSaved = null;
      save();
    });
    panel.querySelector("[data-conflict-action=theirs]").addEventListener("click", function () {
      var theirs = conflict.theirs || {};
      Object.keys(theirs).forEach(function (name) {
        var value = theirs[name] === null ? "" : String(theirs[name]);
        form.querySelectorAll('[name="' + name + '"]').forEach(function (el) {
          if (el.type === "radio") { el.checked = el.value === value; } else { el.value = value; }
        });
      });
      conflict = null;
      panel.hidden = true;
      lastSaved = JSON.stringify(fieldsOf(form));
      say(state.getAttribute("data-theirs-label"));
    });
  }

  document.querySelectorAll("form[data-autosave-url]").forEach(setup);
})();
