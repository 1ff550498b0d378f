// The script of `sipcode html`: filters the rows of the codes table as the
// user types or picks a class, and brings a deep-linked code (#486) into
// view. It only toggles classes and attributes and sets plain text
// (textContent): it never writes markup. Without it the page still shows
// every code; the controls appear only when it runs.
(function () {
  "use strict";
  var controls = document.getElementById("controls");
  var input = document.getElementById("search");
  var count = document.getElementById("count");
  var none = document.getElementById("none");
  var buttons = Array.prototype.slice.call(controls.querySelectorAll("button[data-class]"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("#codes-table tbody tr"));
  var chosen = "";

  // A word of digits is the start of a code ("48" finds 480 to 489), "4xx" a
  // class, any other word a piece of the row's text (its data-search).
  function matches(row, words) {
    var text = row.getAttribute("data-search");
    return words.every(function (word) {
      if (/^[0-9]xx$/.test(word)) return row.id.charAt(0) === word.charAt(0);
      if (/^[0-9]{1,3}$/.test(word)) return row.id.lastIndexOf(word, 0) === 0;
      return text.indexOf(word) !== -1;
    });
  }

  function apply() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var on = (chosen === "" || row.getAttribute("data-class") === chosen) && matches(row, words);
      row.classList.toggle("off", !on);
      if (on) shown += 1;
    });
    count.textContent = shown === rows.length
      ? "Showing all " + rows.length + " codes."
      : "Showing " + shown + " of " + rows.length + " codes.";
    none.hidden = shown !== 0;
  }

  function choose(digit) {
    chosen = digit;
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-class") === digit));
    });
    apply();
  }

  // The sticky controls' height, so that a row scrolled to lands below them.
  function measure() {
    document.documentElement.style.setProperty("--sticky", controls.offsetHeight + "px");
  }

  // Brings the row named by the address's #fragment into view, first
  // clearing any filter that hides it.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var row = id && document.getElementById(id);
    if (!row || rows.indexOf(row) === -1) return;
    if (row.classList.contains("off")) {
      input.value = "";
      choose("");
    }
    measure();
    row.scrollIntoView({ block: "start" });
  }

  buttons.forEach(function (button) {
    button.addEventListener("click", function () { choose(button.getAttribute("data-class")); });
  });
  input.addEventListener("input", apply);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      input.value = "";
      apply();
    }
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
    }
  });
  window.addEventListener("hashchange", reveal);
  window.addEventListener("resize", measure);

  controls.hidden = false;
  apply();
  measure();
  reveal();
})();
