// The rejected-rows table of report.html: the rows sit as JSON in #pc-data; this renders one
// page at a time, searchable and filtered by rule. Every value goes in with textContent, never
// as HTML, so nothing from the input can become markup or script.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("pc-data").textContent);
  var rules = data.rules;
  var rows = data.rows;
  var search = document.getElementById("pc-search");
  var ruleSelect = document.getElementById("pc-rule");
  var sizeSelect = document.getElementById("pc-size");
  var body = document.getElementById("pc-rows");
  var status = document.getElementById("pc-status");
  var prev = document.getElementById("pc-prev");
  var next = document.getElementById("pc-next");
  var shown = rows;
  var page = 0;

  // Counts as the rest of the page writes them: 42,714 (the same on every locale).
  function n(x) {
    return String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Row: [file, sheet, row, source_id, company, country, [[rule, severity, value, message], ...]]
  function haystack(r) {
    if (r.h === undefined) {
      var parts = [r[0], r[1], String(r[2]), r[3], r[4], r[5]];
      r[6].forEach(function (f) { parts.push(f[0], f[2], f[3]); });
      r.h = parts.join("\n").toLowerCase();
    }
    return r.h;
  }

  function filter() {
    var needle = search.value.trim().toLowerCase();
    var rule = ruleSelect.value;
    shown = rows.filter(function (r) {
      if (rule && !r[6].some(function (f) { return f[0] === rule; })) return false;
      return !needle || haystack(r).indexOf(needle) !== -1;
    });
    page = 0;
    render();
  }

  function findingCell(findings) {
    var td = el("td", "findings");
    findings.forEach(function (f) {
      var rule = rules[f[0]] || {};
      var div = el("div", "finding");
      div.appendChild(el("span", "badge " + (f[1] === "error" ? "error" : "warning"), f[0]));
      div.appendChild(el("span", "message", " " + f[3]));
      if (f[2]) {
        div.appendChild(el("span", "label", " value: "));
        div.appendChild(el("code", "", f[2]));
      }
      if (rule.fix) div.appendChild(el("div", "fix", "Fix: " + rule.fix));
      td.appendChild(div);
    });
    return td;
  }

  function render() {
    var size = parseInt(sizeSelect.value, 10) || 25;
    var pages = Math.max(1, Math.ceil(shown.length / size));
    page = Math.min(Math.max(page, 0), pages - 1);
    var start = page * size;
    var end = Math.min(shown.length, start + size);
    body.replaceChildren();
    for (var i = start; i < end; i++) {
      var r = shown[i];
      var tr = el("tr");
      tr.appendChild(el("td", "", r[0] + (r[1] ? " [" + r[1] + "]" : "")));
      tr.appendChild(el("td", "num", String(r[2])));
      tr.appendChild(el("td", "", r[3]));
      tr.appendChild(el("td", "", r[4]));
      tr.appendChild(el("td", "", r[5]));
      tr.appendChild(findingCell(r[6]));
      body.appendChild(tr);
    }
    status.textContent = shown.length === 0
      ? "No rejected row matches."
      : "Rows " + n(start + 1) + "–" + n(end) + " of " + n(shown.length) + " · page " + n(page + 1) + " of " + n(pages);
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }

  Object.keys(data.ruleCounts).forEach(function (code) {
    var o = el("option", "", code + " (" + n(data.ruleCounts[code]) + ")");
    o.value = code;
    ruleSelect.appendChild(o);
  });
  var timer = null;
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(filter, 150);
  });
  ruleSelect.addEventListener("change", filter);
  sizeSelect.addEventListener("change", function () { page = 0; render(); });
  prev.addEventListener("click", function () { page--; render(); });
  next.addEventListener("click", function () { page++; render(); });
  document.getElementById("pc-table").hidden = false;
  render();
})();
