// Quick exit ("Forlad siden"), after the GOV.UK "Exit this page" pattern.
// Without JavaScript the button is a plain link to the neutral site. With it:
// - a click or three presses of Shift within 5 seconds covers the page at once and
// - location.replace() swaps the current history entry, so Back from the neutral site
//   does not come back to this page. Earlier pages stay in history: the "Skjul dine spor"
//   page next to the button says so.
// Nothing is stored; no cookies, no storage.
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) { return; }
  var target = link.getAttribute("href");
  var exiting = false;

  function exit(event) {
    if (event) { event.preventDefault(); }
    if (exiting) { return; }
    exiting = true;
    document.documentElement.classList.add("quick-exit-active");
    document.title = "";
    var cover = document.createElement("div");
    cover.className = "quick-exit-cover";
    document.body.appendChild(cover);
    window.location.replace(target);
  }

  link.addEventListener("click", exit);

  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) { return; }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 5000; });
    presses.push(now);
    if (presses.length >= 3) { exit(); }
  });
  // Any other key breaks the sequence, so typing capital letters does not trigger it.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { presses = []; }
  });
})();
