// Practice pages: a timer, a live word count and, where the browser offers it, dictation (Web Speech API).
// Everything here is an extra: the form works the same without script.
(function () {
  "use strict";

  function format(seconds) {
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function timer(form) {
    var box = form.querySelector("[data-practice-timer]");
    var clock = form.querySelector("[data-practice-clock]");
    var field = form.querySelector("[data-practice-seconds]");
    if (!box || !clock) return;
    var high = parseInt(box.getAttribute("data-high"), 10) || 0;
    var started = Date.now();
    window.setInterval(function () {
      var seconds = Math.floor((Date.now() - started) / 1000);
      clock.textContent = format(seconds);
      box.classList.toggle("over", high > 0 && seconds > high);
      if (field) field.value = String(seconds);
    }, 1000);
    form.addEventListener("submit", function () {
      if (field) field.value = String(Math.floor((Date.now() - started) / 1000));
    });
  }

  function wordCount(form) {
    var answer = form.querySelector("[data-practice-answer]");
    var out = form.querySelector("[data-practice-words]");
    if (!answer || !out) return;
    var update = function () {
      var words = answer.value.trim() ? answer.value.trim().split(/\s+/).length : 0;
      out.textContent = words ? "(" + words + ")" : "";
    };
    answer.addEventListener("input", update);
    update();
  }

  function dictation(form) {
    var Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
    var button = form.querySelector("[data-practice-dictate]");
    var answer = form.querySelector("[data-practice-answer]");
    if (!Recognition || !button || !answer) return;
    var startLabel = button.textContent;
    var stopLabel = button.getAttribute("data-label-stop") || startLabel;
    var listening = null;
    button.hidden = false;
    button.addEventListener("click", function () {
      if (listening) {
        listening.stop();
        return;
      }
      var recognition = new Recognition();
      recognition.lang = button.getAttribute("data-lang") || document.documentElement.lang || "id-ID";
      recognition.continuous = true;
      recognition.interimResults = false;
      recognition.onresult = function (event) {
        for (var i = event.resultIndex; i < event.results.length; i++) {
          if (event.results[i].isFinal) {
            var text = event.results[i][0].transcript.trim();
            answer.value = (answer.value ? answer.value.replace(/\s*$/, " ") : "") + text;
            answer.dispatchEvent(new Event("input"));
          }
        }
      };
      recognition.onend = function () {
        listening = null;
        button.textContent = startLabel;
      };
      recognition.onerror = recognition.onend;
      listening = recognition;
      button.textContent = stopLabel;
      recognition.start();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.practice-answer").forEach(function (form) {
      timer(form);
      wordCount(form);
      dictation(form);
    });
  });
})();
