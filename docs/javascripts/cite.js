// "Cite this page": the reader's access date in each style, and the page's address when the
// site was built without its own (site_url). Served with the site; nothing is fetched.
(function () {
  "use strict";
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"];
  var SHORT = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function formatted(style, d) {
    if (style === "iso") return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
    if (style === "mla") return d.getDate() + " " + SHORT[d.getMonth()] + " " + d.getFullYear();
    return MONTHS[d.getMonth()] + " " + d.getDate() + ", " + d.getFullYear();
  }
  function update() {
    var today = new Date();
    document.querySelectorAll(".access-date[data-style]").forEach(function (el) {
      el.textContent = formatted(el.getAttribute("data-style"), today);
    });
    var here = window.location.href.split("#")[0];
    document.querySelectorAll(".page-address[data-relative]").forEach(function (el) {
      el.textContent = here;
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(update);  // Material's instant loading replaces the page
  } else {
    document.addEventListener("DOMContentLoaded", update);
  }
})();
