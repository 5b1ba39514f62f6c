/* The week page: the edit dialog and the person search. Served from here (no inline script:
   the Content-Security-Policy forbids it). */
(function () {
  "use strict";

  var openerId = null;

  function dialog() {
    return document.getElementById("bewerk-dialog");
  }

  // htmx put a chip's edit form (or a change's outcome) into the dialog: open it where the
  // manager is and move focus in, onto the outcome when there is one so it is read out.
  document.addEventListener("htmx:afterSwap", function (event) {
    var box = dialog();
    if (!box || event.detail.target.id !== "bewerk") return;
    if (!box.open) {
      var elt = event.detail.requestConfig && event.detail.requestConfig.elt;
      openerId = elt && elt.id ? elt.id : null;
      box.showModal();
    }
    var focus = box.querySelector("#bewerk-uitkomst") || box.querySelector("#h-bewerk");
    if (focus) focus.focus();
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-close-dialog]")) {
      var box = dialog();
      if (box && box.open) box.close();
    }
  });

  // Escape (or Sluiten) closes the dialog: focus goes back to the chip, at its new place
  // after a move, or else to where the manager started.
  function restoreFocus() {
    var body = dialog().querySelector(".edit-body");
    var chip = body && body.dataset.chip ? document.getElementById(body.dataset.chip) : null;
    var target = chip || (openerId && document.getElementById(openerId));
    dialog().querySelector("#bewerk").innerHTML = "";
    (target || document.getElementById("rooster")).focus();
  }

  // The person view's search: hides rows that do not match and says how many do.
  function filterRows(input) {
    var table = document.getElementById(input.dataset.filterRows);
    if (!table) return;
    var words = input.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
    var shown = 0;
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var text = row.dataset.search || "";
      var match = words.every(function (w) { return text.indexOf(w) !== -1; });
      row.hidden = !match;
      if (match) shown += 1;
    });
    var count = document.getElementById(input.dataset.count);
    if (count) {
      count.textContent = words.length ? count.dataset.text
        .replace("{shown}", shown).replace("{total}", table.tBodies[0].rows.length) : "";
    }
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches("[data-filter-rows]")) filterRows(event.target);
  });

  document.addEventListener("DOMContentLoaded", function () {
    var box = dialog();
    if (box) box.addEventListener("close", restoreFocus);
    // Words typed before this script ran (it is deferred), or kept by the browser on a
    // return to the page, filter the rows as well.
    document.querySelectorAll("[data-filter-rows]").forEach(function (input) {
      if (input.value) filterRows(input);
    });
  });
})();
