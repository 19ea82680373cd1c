// Seats left, live: cached pages carry the figure of when they were rendered; this replaces it
// with the current one from /api/posti.json (see courses/seats.py).
(() => {
  "use strict";
  var spans = document.querySelectorAll("[data-seats-event]");
  if (!spans.length || !window.fetch) return;
  var ids = [];
  spans.forEach((span) => {
    if (ids.indexOf(span.dataset.seatsEvent) < 0) ids.push(span.dataset.seatsEvent);
  });
  var lang = document.documentElement.lang || "it";
  // "no-cache": the browser revalidates instead of reusing the figure it fetched seconds ago,
  // which would undo the fresher one of a page reloaded after registering.
  fetch(`/api/posti.json?eventi=${ids.join(",")}&lang=${encodeURIComponent(lang)}`, {
    cache: "no-cache",
  })
    .then((response) => response.ok ? response.json() : {})
    .then((seats) => {
      spans.forEach((span) => {
        var figure = seats[span.dataset.seatsEvent];
        if (!figure) return;
        span.dataset.seatsLeft = figure.left;
        span.textContent = figure.label;
      });
    })
    .catch(() => { /* keep the figure the page was rendered with */ });
})();
