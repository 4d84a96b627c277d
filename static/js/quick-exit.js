// Quick exit, after the GOV.UK "Exit this page" pattern. Without JavaScript the button is a plain
// link to the same neutral site. With it: the page is blanked at once (so a glance at the screen shows
// nothing), then location.replace() loads the neutral site so Back does not return to this page.
// Shortcuts: Shift pressed three times within a second, or Escape.
//
// Browsers can still restore an earlier page of this site when someone presses Back after an exit
// (the back/forward cache). So the exit leaves one flag in sessionStorage (no answers, nothing else):
// a page of this site reached again through Back or Forward after an exit blanks itself and leaves.
(function () {
  "use strict";
  var FLAG = "quick-exit-used";
  var link = document.getElementById("quick-exit");
  if (!link) {
    return;
  }
  var target = link.getAttribute("data-exit-url") || link.href;
  var exiting = false;

  function blankThenLeave() {
    exiting = true;
    document.title = "Loading";
    document.body.textContent = "";
    var status = document.createElement("p");
    status.setAttribute("role", "status");
    status.className = "exit-status";
    status.textContent = "Loading.";
    document.body.appendChild(status);
    window.location.replace(target);
  }

  function exitPage(event) {
    if (event) {
      event.preventDefault();
    }
    if (exiting) {
      return;
    }
    try {
      window.sessionStorage.setItem(FLAG, "1");
    } catch (error) {
      // Storage can be switched off; the exit itself still works.
    }
    blankThenLeave();
  }

  function cameBackThroughHistory(event) {
    if (event && event.persisted) {
      return true;
    }
    var entries = window.performance && window.performance.getEntriesByType ? window.performance.getEntriesByType("navigation") : [];
    return entries.length > 0 && entries[0].type === "back_forward";
  }

  window.addEventListener("pageshow", function (event) {
    var used = false;
    try {
      used = window.sessionStorage.getItem(FLAG) === "1";
    } catch (error) {
      used = false;
    }
    if (!used) {
      return;
    }
    if (cameBackThroughHistory(event)) {
      blankThenLeave();
    } else {
      try {
        window.sessionStorage.removeItem(FLAG);  // a fresh visit: the person came back on purpose
      } catch (error) {
        // nothing to clear
      }
    }
  });

  link.addEventListener("click", exitPage);

  var shiftCount = 0;
  var shiftTimer = null;
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      exitPage(event);
      return;
    }
    if (event.key !== "Shift") {
      shiftCount = 0;
      return;
    }
    shiftCount += 1;
    window.clearTimeout(shiftTimer);
    shiftTimer = window.setTimeout(function () { shiftCount = 0; }, 1000);
    if (shiftCount >= 3) {
      exitPage(event);
    }
  });
})();
