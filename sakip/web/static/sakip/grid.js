/* The realisation grid, enhanced (entry/actuals.html). Without this script the page works the
   same through its forms: filter by GET, "Pratinjau" and "Tempel dari Excel" by POST.
   - filter: hides rows as the filter's inputs change (the server filters the same way);
   - paste: a block copied from Excel spreads over the inputs from the focused cell;
   - preview: after typing, the form is posted with "pratinjau" and the server's core computes
     each row's achievement and category (no arithmetic here). */
(function () {
  "use strict";
  var form = document.getElementById("actuals-form");
  var table = document.getElementById("actuals");
  if (!form || !table) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var stateLine = document.getElementById("preview-state");

  // ---------------------------------------------------------------- filter
  var filter = document.getElementById("grid-filter");
  function applyFilter() {
    var q = (filter.elements.q.value || "").toLowerCase();
    var level = filter.elements.tingkat.value;
    var category = filter.elements.kategori.value;
    var empty = filter.elements.kosong.checked;
    rows.forEach(function (row) {
      if (!row.dataset.code) { return; }
      var head = row.cells[0].textContent.toLowerCase();
      var keep = (!q || head.indexOf(q) >= 0) && (!level || row.dataset.level === level) &&
        (!category || row.dataset.category === category) && (!empty || row.dataset.empty === "1");
      row.hidden = !keep;
    });
  }
  if (filter) {
    filter.addEventListener("input", applyFilter);
    filter.addEventListener("change", applyFilter);
  }

  // ---------------------------------------------------------------- preview
  var timer = null;
  var pending = null;
  function preview() {
    if (pending) { pending.abort(); }
    pending = new AbortController();
    var data = new FormData(form);
    data.append("pratinjau", "1");
    if (stateLine) { stateLine.textContent = stateLine.dataset.busy || "…"; }
    fetch(window.location.href, {method: "POST", body: data, credentials: "same-origin",
                                 headers: {"Accept": "application/json"}, signal: pending.signal})
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        rows.forEach(function (row) {
          var found = answer.rows[row.dataset.pk];
          if (!found) { return; }
          var cells = row.querySelectorAll("td.achievement, td.category");
          var holder = document.createElement("tbody");
          holder.innerHTML = "<tr>" + found.result + "</tr>";
          var fresh = holder.rows[0].cells;
          if (cells.length === 2 && fresh.length === 2) {
            row.replaceChild(fresh[1], cells[1]);
            row.replaceChild(fresh[0], cells[0]);
          }
          row.querySelectorAll("input, select").forEach(function (input) {
            var error = found.errors[input.name];
            input.classList.toggle("invalid", !!error);
            if (error) { input.setAttribute("aria-invalid", "true"); input.title = error; }
            else { input.removeAttribute("aria-invalid"); input.removeAttribute("title"); }
          });
        });
        if (stateLine) { stateLine.textContent = stateLine.dataset.done || ""; }
      })
      .catch(function () { /* the "Pratinjau" button still works */ });
  }
  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(preview, 400);
  }
  form.addEventListener("input", later);
  form.addEventListener("change", later);

  // ---------------------------------------------------------------- paste
  table.addEventListener("paste", function (event) {
    var start = event.target;
    if (!start.dataset || start.dataset.col === undefined) { return; }
    var text = (event.clipboardData || window.clipboardData).getData("text");
    if (text.indexOf("\t") < 0 && text.replace(/\r?\n$/, "").indexOf("\n") < 0) { return; }
    event.preventDefault();
    var lines = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
    var visible = rows.filter(function (row) { return !row.hidden && row.dataset.code; });
    var first = visible.indexOf(start.closest("tr"));
    var column = Number(start.dataset.col);
    var skipped = 0;
    lines.forEach(function (line, i) {
      var row = visible[first + i];
      line.split("\t").forEach(function (value, j) {
        var input = row && row.querySelector('input[data-col="' + (column + j) + '"]');
        if (!input || input.disabled || input.readOnly) { skipped += 1; return; }
        input.value = value.trim();
      });
    });
    if (stateLine && skipped) { stateLine.textContent = (stateLine.dataset.skipped || "") + " " + skipped; }
    later();
  });
})();
