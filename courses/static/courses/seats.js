// Seats left, live: cached pages carry the figure of when they were rendered; this replaces it
// with the current one from /api/posti.json (see courses/seats.py).
(function () {
  "use strict";
  var spans = document.querySelectorAll("[data-seats-event]");
  if (!spans.length || !window.fetch) return;
  var ids = [];
  spans.forEach(function (span) {
    if (ids.indexOf(span.dataset.seatsEvent) < 0) ids.push(span.dataset.seatsEvent);
  });
  var lang = document.documentElement.lang || "it";
  fetch("/api/posti.json?eventi=" + ids.join(",") + "&lang=" + encodeURIComponent(lang))
    .then(function (response) { return response.ok ? response.json() : {}; })
    .then(function (seats) {
      spans.forEach(function (span) {
        var figure = seats[span.dataset.seatsEvent];
        if (!figure) return;
        span.dataset.seatsLeft = figure.left;
        span.textContent = figure.label;
      });
    })
    .catch(function () { /* keep the figure the page was rendered with */ });
})();
