// Quick exit, after the GOV.UK "Exit this page" pattern. Without JavaScript the button is a plain
// link to the same neutral site. With it: the page is blanked at once (so a glance at the screen shows
// nothing), then location.replace() loads the neutral site so Back does not return to this page.
// Shortcuts: Shift pressed three times within a second, or Escape.
(function () {
  "use strict";
  var link = document.getElementById("quick-exit");
  if (!link) {
    return;
  }
  var target = link.getAttribute("data-exit-url") || link.href;
  var exiting = false;

  function exitPage(event) {
    if (event) {
      event.preventDefault();
    }
    if (exiting) {
      return;
    }
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
