// Filters the index as you type. Without JavaScript the form stays hidden and the full list shows.
(function () {
  "use strict";
  var form = document.getElementById("filter");
  var input = document.getElementById("filter-text");
  if (!form || !input) { return; }
  var status = document.getElementById("filter-status");
  var empty = document.getElementById("filter-empty");
  var items = Array.prototype.slice.call(document.querySelectorAll("li[data-search]"));
  var topics = Array.prototype.slice.call(document.querySelectorAll("section.topic"));

  // The same folding the site builder applies to data-search: lower case, no accents.
  function words(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .split(/[^a-z0-9]+/).filter(Boolean);
  }

  function apply() {
    var wanted = words(input.value);
    var shown = 0;
    items.forEach(function (item) {
      var haystack = " " + item.getAttribute("data-search");
      var match = wanted.every(function (word) { return haystack.indexOf(" " + word) !== -1; });
      item.hidden = !match;
      if (match) { shown += 1; }
    });
    topics.forEach(function (topic) {
      topic.hidden = !topic.querySelector("li[data-search]:not([hidden])");
    });
    empty.hidden = shown !== 0;
    // The words come from the page, in its language: "{shown} of {total} answers shown".
    var said = status.getAttribute("data-shown") || "{shown} / {total}";
    status.textContent = wanted.length
      ? said.replace("{shown}", String(shown)).replace("{total}", String(items.length)) : "";
  }

  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  input.addEventListener("input", apply);
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { input.value = query; }
  apply();
})();
