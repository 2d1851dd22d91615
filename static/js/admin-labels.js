/* Admin: name the autocomplete boxes by their field's label.
   Select2 (the admin's autocomplete_fields) hides the <select> that the field's <label>
   points at and shows its own combobox, named only by the chosen value: empty until one is
   chosen, so a screen reader says "combobox" and nothing else. Each combobox is named by
   the label (and the value): aria-labelledby="<label id> <rendered value id>", and the
   value's own read-only box by the label. */
(function () {
  "use strict";
  function nameComboboxes() {
    document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var label = select.id && document.querySelector('label[for="' + select.id + '"]');
      var container = select.nextElementSibling;
      var box = container && container.querySelector(".select2-selection");
      if (!label || !box) { return; }
      if (!label.id) { label.id = select.id + "-label"; }
      var rendered = box.querySelector(".select2-selection__rendered");
      box.setAttribute("aria-labelledby",
                       label.id + (rendered && rendered.id ? " " + rendered.id : ""));
      // The value inside (a read-only "textbox") is named by the label too.
      if (rendered) { rendered.setAttribute("aria-labelledby", label.id); }
      // A multiple choice has a search input inside the box: the label names it too.
      var search = box.querySelector(".select2-search__field");
      if (search) { search.setAttribute("aria-labelledby", label.id); }
    });
  }
  // After the admin's own ready handlers (autocomplete.js starts Select2 in one of them).
  if (window.django && window.django.jQuery) {
    window.django.jQuery(nameComboboxes);
  } else {
    document.addEventListener("DOMContentLoaded", nameComboboxes);
  }
  document.addEventListener("formset:added", function () { window.setTimeout(nameComboboxes); });
}());
