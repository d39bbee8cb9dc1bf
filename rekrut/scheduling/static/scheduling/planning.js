// The planning form shows only the fields of the chosen mode (on site, online, by phone). Without
// JavaScript every mode's fields show, each labelled with its mode; the server reads the chosen mode's.
(function () {
  "use strict";
  function sync(form) {
    const chosen = form.querySelector('input[name="mode"]:checked');
    form.querySelectorAll("[data-mode]").forEach(function (field) {
      field.hidden = Boolean(chosen) && field.dataset.mode !== chosen.value;
    });
  }
  document.addEventListener("change", function (event) {
    const input = event.target;
    if (input.name === "mode" && input.form && input.form.hasAttribute("data-planning")) sync(input.form);
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-planning]").forEach(sync);
  });
})();
