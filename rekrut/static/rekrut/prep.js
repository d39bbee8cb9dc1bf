// The "after the interview" page (portal/prep/after.html): copy the thank-you note, keep the mailto link's
// body in step with the edited note, and keep the candidate's reflection notes in this browser only
// (localStorage); nothing here is sent to the server. Without JavaScript the page still reads and the
// note can be selected and copied by hand.
(function () {
  "use strict";

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null; // private mode or blocked: the notes simply are not kept
    }
  }

  function setUp() {
    var note = document.querySelector("[data-thank-you]");
    var copy = document.querySelector("[data-copy]");
    if (note && copy) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        var done = function () {
          copy.textContent = copy.dataset.copied;
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(note.value).then(done, function () {
            note.select();
          });
        } else {
          note.select();
          if (document.execCommand && document.execCommand("copy")) done();
        }
      });
    }
    var mailto = document.querySelector("[data-mailto]");
    if (note && mailto) {
      note.addEventListener("input", function () {
        mailto.href = mailto.href.replace(/body=[^&]*/, "body=" + encodeURIComponent(note.value));
      });
    }
    var store = storage();
    document.querySelectorAll("textarea[data-reflection]").forEach(function (field) {
      var key = "rekrut-reflection-" + field.dataset.reflection;
      if (!store) return;
      field.value = store.getItem(key) || "";
      field.addEventListener("input", function () {
        store.setItem(key, field.value);
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
