/* Application form: show each eligibility rule pass or fail while the applicant types.
   Progressive enhancement: without JavaScript the server renders the same checks. */
(function () {
  "use strict";
  // Dates of application windows in the viewer's own time zone.
  document.querySelectorAll("time.local-time").forEach(function (el) {
    var when = new Date(el.getAttribute("datetime"));
    if (!isNaN(when)) {
      el.textContent = when.toLocaleString(undefined, {
        year: "numeric", month: "short", day: "numeric", hour: "numeric",
        minute: "2-digit", timeZoneName: "short"
      });
    }
  });

  var form = document.getElementById("application-form");
  var list = document.getElementById("eligibility-checks");
  if (!form || !list || !window.fetch) { return; }
  var url = form.getAttribute("data-eligibility-url");
  var timer = null;

  function value(name) {
    var el = form.elements[name];
    if (!el) { return null; }
    if (el.type === "checkbox") { return el.checked; }
    return el.value.trim();
  }
  function teamSize() {
    var size = 0;
    for (var i = 0; form.elements["team_" + i + "_name"]; i++) {
      if (value("team_" + i + "_name") || value("team_" + i + "_email") || value("team_" + i + "_role")) {
        size++;
      }
    }
    return size;
  }
  function render(checks) {
    checks.forEach(function (check) {
      var item = list.querySelector('[data-rule="' + check.rule + '"]');
      if (!item) { return; }
      item.classList.toggle("check-pass", check.passed);
      item.classList.toggle("check-fail", !check.passed);
      item.querySelector(".check-state").textContent = check.passed ? list.dataset.met : list.dataset.notMet;
      item.querySelector(".check-message").textContent = check.message;
    });
  }
  function refresh() {
    var population = value("population");
    var hours = value("monthly_commitment_hours");
    var body = {
      population: population === "" ? null : population,
      has_cdo: value("has_cdo"),
      monthly_commitment_hours: hours === "" ? null : hours,
      mayor_commits_to_convening: value("mayor_commits_to_convening"),
      team_size: teamSize(),
      cohort: form.getAttribute("data-cohort")
    };
    var csrf = form.elements.csrfmiddlewaretoken;
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf ? csrf.value : ""},
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      if (data) { render(data.checks); }
    }).catch(function () { /* the server-side checks stay on the page */ });
  }
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  });
  form.addEventListener("change", refresh);
}());
