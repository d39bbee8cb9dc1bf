// Board drag and drop: dropping a card on another column posts the same move form the buttons use,
// so keyboard users and drag users go through one path. The server decides whether the move is allowed.
(function () {
  "use strict";
  let dragged = null;

  document.addEventListener("dragstart", function (event) {
    const card = event.target.closest && event.target.closest(".card[draggable=true]");
    if (!card) return;
    dragged = card;
    card.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.application);
  });

  document.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("dragging");
    document.querySelectorAll(".column.drop-ok").forEach(function (c) { c.classList.remove("drop-ok"); });
    dragged = null;
  });

  function allowed(column) {
    return dragged && (" " + dragged.dataset.targets).indexOf(" " + column.dataset.stage + " ") !== -1;
  }

  document.addEventListener("dragover", function (event) {
    const column = event.target.closest && event.target.closest(".column");
    if (column && allowed(column)) {
      event.preventDefault();
      column.classList.add("drop-ok");
    }
  });

  document.addEventListener("dragleave", function (event) {
    const column = event.target.closest && event.target.closest(".column");
    if (column && !column.contains(event.relatedTarget)) column.classList.remove("drop-ok");
  });

  document.addEventListener("drop", function (event) {
    const column = event.target.closest && event.target.closest(".column");
    if (!column || !allowed(column)) return;
    event.preventDefault();
    const card = dragged;
    // One move address per board, with 0 standing for the application: cards do not carry their own.
    const url = card.closest(".board").dataset.moveUrl.replace("/0/", "/" + card.dataset.application + "/");
    htmx.ajax("POST", url, {
      target: "#board",
      swap: "outerHTML",
      values: { version: card.dataset.version, to_stage: column.dataset.stage },
    });
  });
})();

// One reject dialog per board, filled in from the card that opened it. Without JavaScript the card's
// link opens the same form as a page.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    const opener = event.target.closest && event.target.closest("a.reject-open");
    const dialog = document.getElementById("reject-dialog");
    if (opener && dialog) {
      event.preventDefault();
      const card = opener.closest(".card");
      const form = dialog.querySelector("form");
      form.reset();
      form.dataset.url = opener.getAttribute("href").split("?")[0];
      form.elements.version.value = card.dataset.version;
      dialog.querySelector("[data-reject-name]").textContent = opener.dataset.name;
      dialog.showModal();
      form.elements.reason.focus();
      return;
    }
    if (event.target.closest && event.target.closest("[data-reject-cancel]")) {
      event.target.closest("dialog").close();
    }
  });

  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (form.id !== "reject-form") return;
    event.preventDefault();
    if (!form.reportValidity()) return;
    const values = {};
    new FormData(form).forEach(function (value, key) { values[key] = value; });
    form.closest("dialog").close();
    htmx.ajax("POST", form.dataset.url, { target: "#board", swap: "outerHTML", values: values });
  });
})();

// A select marked data-autosubmit (the language switch) submits its form when changed; without JavaScript
// the form's own button does. (No inline onchange: the Content-Security-Policy allows no inline script.)
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    const field = event.target;
    if (field.matches && field.matches("select[data-autosubmit]") && field.form) field.form.submit();
  });
})();
