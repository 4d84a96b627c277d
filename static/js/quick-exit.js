// Quick exit, after the GOV.UK "Exit this page" pattern. Without JavaScript the button is a plain
// link to the same neutral site. With it: the page is blanked at once (so a glance at the screen shows
// nothing), then location.replace() loads the neutral site so Back does not return to this page.
// Shortcut: Shift pressed three times within a second (each release counts once, so a held Shift
// does not; Escape is left alone: it clears a search box and closes menus).
//
// Browsers can still restore an earlier page of this site when someone presses Back after an exit
// (the back/forward cache). So the exit leaves one flag in sessionStorage (no answers, nothing else):
// a page of this site reached again through Back, Forward or Reload after an exit blanks itself and
// leaves. Only a fresh navigation (a link followed or an address typed) clears the flag.
//
// A page built from a form (questionnaire, results, search) turns its own history entry into a
// plain GET of its address, so neither Back nor Reload can send the form again.
(function () {
  "use strict";
  var FLAG = "quick-exit-used";
  if (document.body && document.body.hasAttribute("data-posted") && window.history && window.history.replaceState) {
    window.history.replaceState(null, "", window.location.href);
  }
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

  function navigationType(event) {
    if (event && event.persisted) {
      return "back_forward";
    }
    var entries = window.performance && window.performance.getEntriesByType ? window.performance.getEntriesByType("navigation") : [];
    if (entries.length > 0) {
      return entries[0].type;
    }
    var legacy = window.performance && window.performance.navigation;  // older browsers: 0 navigate, 1 reload, 2 back/forward
    return legacy ? ["navigate", "reload", "back_forward"][legacy.type] || "unknown" : "unknown";
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
    if (navigationType(event) === "navigate") {
      try {
        window.sessionStorage.removeItem(FLAG);  // a fresh visit: the person came back on purpose
      } catch (error) {
        // nothing to clear
      }
    } else {
      blankThenLeave();  // Back, Forward, Reload (or a type the browser does not tell): leave again
    }
  });

  link.addEventListener("click", exitPage);

  var shiftCount = 0;
  var shiftTimer = null;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      shiftCount = 0;
    }
  });
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
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
