// Printing the results: open the collapsed "less likely" sections so the printout is complete,
// and close them again afterwards. (Browsers with ::details-content do this from CSS alone.)
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    var sections = document.querySelectorAll("details.less-likely:not([open])");
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
