// kosto serve: a change of an input recomputes the page without a reload.
// The form works without this script (the Recalculate button submits it);
// the script only sends the same query, swaps in the new figures and keeps
// the address bar on the page's state.
(function () {
  "use strict";
  var form = document.getElementById("inputs");
  var printButton = document.getElementById("print");
  if (printButton) printButton.addEventListener("click", function () { window.print(); });
  if (!form || !window.fetch) return;
  var status = document.getElementById("status");
  var action = form.getAttribute("action") || "/"; // the scenario's page, or the grant view
  var timer = null, seq = 0;

  function mark(input) {
    var row = input.closest("tr");
    if (row) row.classList.toggle("changed", input.value.trim() !== input.dataset.default);
  }

  // query is the form's state, without the inputs left as shipped.
  function query() {
    var q = new URLSearchParams();
    new FormData(form).forEach(function (v, k) {
      var input = form.elements[k];
      if (k.indexOf("p.") === 0 && input && input.dataset && v.trim() === input.dataset.default) return;
      q.append(k, v);
    });
    return q.toString();
  }

  function recompute() {
    var mine = ++seq, q = query();
    if (status) status.textContent = status.dataset.working || "…";
    fetch(action + "?" + q, { headers: { "Accept": "text/html" } }).then(function (r) { return r.text(); }).then(function (html) {
      if (mine !== seq) return; // a later change is on its way
      var doc = new DOMParser().parseFromString(html, "text/html");
      ["headline", "results"].forEach(function (id) {
        var now = document.getElementById(id), next = doc.getElementById(id);
        if (now && next) now.innerHTML = next.innerHTML;
      });
      history.replaceState(null, "", action + "?" + q);
      if (status) status.textContent = "";
      document.body.dataset.computed = String(mine);
    }).catch(function () { if (status) status.textContent = "!"; });
  }

  form.addEventListener("input", function (e) {
    if (e.target.name && e.target.name.indexOf("p.") === 0) mark(e.target);
    clearTimeout(timer);
    timer = setTimeout(recompute, 350);
  });
  form.addEventListener("change", function () { clearTimeout(timer); recompute(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); recompute(); });
  // The language buttons keep the inputs as they are now, not as loaded.
  var langs = document.querySelector("form.langs[data-keep]");
  if (langs) langs.addEventListener("submit", function (e) {
    if (!e.submitter) return;
    e.preventDefault();
    var q = new URLSearchParams(query());
    q.set("lang", e.submitter.value);
    window.location.href = (langs.getAttribute("action") || "/") + "?" + q.toString();
  });
  var reset = document.getElementById("reset");
  if (reset) reset.addEventListener("click", function (e) {
    e.preventDefault();
    Array.prototype.forEach.call(form.querySelectorAll("input[data-default]"), function (i) { i.value = i.dataset.default; mark(i); });
    recompute();
  });
})();
