// Keyboard shortcuts of the week view: "[" the previous week, "]" the next, "t" this week. They follow the
// page's own links (marked data-shortcut), so the same places are reachable by Tab and by touch.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
    const link = document.querySelector('a[data-shortcut="' + CSS.escape(event.key) + '"]');
    if (!link) return;
    event.preventDefault();
    window.location.assign(link.href);
  });
})();
