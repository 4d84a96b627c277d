// Printing the results: a short summary for an advocate (see print.css). Browsers without
// ::details-content cannot show folded parts from CSS alone, so open the parts the printout keeps
// (the laws and orders that could fit, the answers given), and close them again afterwards.
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    var sections = document.querySelectorAll("details.could-fit:not([open]), details.answers-given:not([open])");
    for (var i = 0; i < sections.length; i += 1) {
      sections[i].setAttribute("open", "");
      opened.push(sections[i]);
    }
  });
  window.addEventListener("afterprint", function () {
    while (opened.length) {
      opened.pop().removeAttribute("open");
    }
  });
})();
