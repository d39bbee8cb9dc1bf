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
    htmx.ajax("POST", card.dataset.moveUrl, {
      target: "#board",
      swap: "outerHTML",
      values: { version: card.dataset.version, to_stage: column.dataset.stage },
    });
  });
})();
