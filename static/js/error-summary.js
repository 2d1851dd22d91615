/* A form that came back with errors: move the focus to its error summary, so that a
   screen reader announces it and a keyboard user starts from the list of problems.
   Again once the page has loaded: a "#main" left in the address by the skip link would
   otherwise take the focus back. */
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) { return; }
  summary.focus();
  window.addEventListener("load", function () {
    if (!summary.contains(document.activeElement)) { summary.focus(); }
  });
}());
