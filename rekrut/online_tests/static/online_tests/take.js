// The online test page: the clock, autosave of each answer, and keeping answers through a dropped
// connection. The server is the truth: it sends the seconds left with the page and with every save, and
// refuses answers after time is up. Without this script the page is a plain form with a Save button.
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function start() {
    var form = document.querySelector("form[data-autosave]");
    var clock = document.querySelector("[data-clock]");
    if (!form || !clock) return;
    var saveUrl = form.getAttribute("data-autosave");
    var clockText = clock.querySelector("[data-clock-text]");
    var connection = clock.querySelector("[data-connection]");
    var deadline = Date.now() + parseInt(clock.getAttribute("data-remaining"), 10) * 1000;
    var pending = {}; // question number -> true while its latest value is not on the server
    var submitting = false;

    form.querySelectorAll("[data-no-js]").forEach(function (button) { button.hidden = true; });

    function indicator(number, text, failed) {
      var node = form.querySelector('[data-saved-for="' + number + '"]');
      if (node) {
        node.textContent = text;
        node.classList.toggle("error", !!failed);
      }
    }

    function showConnection(online) {
      connection.hidden = online;
      connection.textContent = online ? "" : connection.getAttribute("data-offline");
    }

    function fieldData(number) {
      var data = new FormData();
      data.append("csrfmiddlewaretoken", csrfToken());
      var fields = form.querySelectorAll('[name="q' + number + '"]');
      fields.forEach(function (field) {
        if (field.type === "radio") {
          if (field.checked) data.append(field.name, field.value);
        } else if (field.type === "file") {
          if (field.files.length) data.append(field.name, field.files[0]);
        } else {
          data.append(field.name, field.value);
        }
      });
      if (fields.length && fields[0].type === "radio" && !data.has("q" + number)) data.append("q" + number, "");
      return data;
    }

    function save(number) {
      pending[number] = true;
      if (!navigator.onLine) {
        indicator(number, form.getAttribute("data-not-saved"), true);
        showConnection(false);
        return Promise.resolve(false);
      }
      indicator(number, form.getAttribute("data-saving"), false);
      return fetch(saveUrl, {
        method: "POST",
        body: fieldData(number),
        headers: { "X-CSRFToken": csrfToken() },
        credentials: "same-origin",
      }).then(function (response) {
        return response.json().then(function (body) {
          if (body.ok) {
            delete pending[number];
            indicator(number, form.getAttribute("data-saved"), false);
            deadline = Date.now() + body.remaining * 1000;
            showConnection(true);
          } else if (body.over) {
            window.location.reload();
          } else {
            delete pending[number];
            indicator(number, body.message || "", true);
          }
          return !!body.ok;
        });
      }).catch(function () {
        indicator(number, form.getAttribute("data-not-saved"), true);
        showConnection(false);
        return false;
      });
    }

    function flush() {
      return Promise.all(Object.keys(pending).map(save));
    }

    var typing = {};
    form.addEventListener("change", function (event) {
      var box = event.target.closest("[data-question]");
      if (box) save(box.getAttribute("data-question"));
    });
    form.addEventListener("input", function (event) {
      var box = event.target.closest("[data-question]");
      if (!box || event.target.type === "radio" || event.target.type === "file") return;
      var number = box.getAttribute("data-question");
      pending[number] = true;
      clearTimeout(typing[number]);
      typing[number] = setTimeout(function () { save(number); }, 1200);
    });
    window.addEventListener("online", function () {
      showConnection(true);
      flush().then(function () { if (Date.now() >= deadline) submitNow(); });
    });
    window.addEventListener("offline", function () { showConnection(false); });
    setInterval(function () { if (navigator.onLine && Object.keys(pending).length) flush(); }, 5000);

    form.addEventListener("submit", function (event) {
      if (submitting) return;
      var button = event.submitter;
      if (button && button.hasAttribute("data-confirm") && !window.confirm(button.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });

    function submitNow() {
      if (submitting) return;
      submitting = true;
      clockText.textContent = "0:00";
      clock.setAttribute("data-over", "");
      connection.hidden = false;
      connection.textContent = clock.getAttribute("data-time-up");
      var action = document.createElement("input");
      action.type = "hidden";
      action.name = "action";
      action.value = "submit";
      form.appendChild(action);
      form.submit();
    }

    function tick() {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      clockText.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
      clock.classList.toggle("online-clock-low", left <= 60);
      if (left === 0) {
        if (navigator.onLine) submitNow();
        return;
      }
      setTimeout(tick, 500);
    }
    showConnection(navigator.onLine);
    tick();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
