/* Pistoia2030 — the map of innovators (an ES module, loaded after Leaflet).
 *
 * Works on top of server-rendered HTML: the filter form and the list work without JavaScript.
 * Here the form becomes live: each change updates the URL (a shareable view), reloads the
 * markers from the GeoJSON endpoint and swaps the list with the server's filtered list.
 * When the tile server cannot be reached (or none is set), the map falls back to a neutral
 * background with the province's comuni labelled, and says so.
 *
 * Leaflet and the cluster plugin are loaded only when a map is about to be seen. The markers
 * come by view (issue 28): a filter change asks the GeoJSON for the whole province
 * (`bbox`, `zoom`); when the answer holds every point, panning needs nothing more; when it holds
 * the server's clusters, each move (debounced) asks for the new view and aborts the request
 * still running.
 */
const TILE_TIMEOUT = 8000;
const FETCH_TIMEOUT = 15000;
const MOVE_DELAY = 250;
const FALLBACK_COLOR = "#0b5e55";

const settings = () => {
  const node = document.getElementById("map-settings");
  return node ? JSON.parse(node.textContent) : {};
};
const OPTIONS = settings();
const MESSAGES = OPTIONS.messages || {};
// The province with a margin (portal.geo's BBOX): where a filter's results are looked for;
// from POINTS_ZOOM the server always sends points (innovators/viewport.py, CLUSTER_MAX_ZOOM).
const PROVINCE = OPTIONS.province;
const POINTS_ZOOM = OPTIONS.pointsZoom;

/** fetch with a timeout and an error for any non-2xx answer. */
async function request(url, init = {}, timeout = FETCH_TIMEOUT) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  const abort = () => controller.abort();
  init.signal?.addEventListener("abort", abort); // the caller's: a newer view supersedes this one
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response;
  } finally {
    clearTimeout(timer);
    init.signal?.removeEventListener("abort", abort);
  }
}

/** A classic script, once per page: Leaflet and its cluster plugin (an ES module cannot import them). */
const scripts = new Map();
function loadScript(src) {
  if (!scripts.has(src)) {
    scripts.set(src, new Promise((resolve, reject) => {
      const script = Object.assign(document.createElement("script"), { src, async: false });
      script.addEventListener("load", resolve);
      script.addEventListener("error", () => reject(new Error(src)));
      document.head.append(script);
    }));
  }
  return scripts.get(src);
}

/** A status line above a map (created on first use): what went wrong, in words.
 * Each `part` (tiles, points, list) has its own sentence, so one never hides another. */
function notice(element, part, text) {
  let node = element.previousElementSibling;
  if (!node?.matches("[data-map-notice]")) {
    if (!text) return;
    node = document.createElement("p");
    node.className = "map-notice";
    node.dataset.mapNotice = "";
    node.setAttribute("role", "status");
    element.before(node);
  }
  let sentence = node.querySelector(`[data-part="${part}"]`);
  if (!sentence) {
    sentence = Object.assign(document.createElement("span"), { className: "map-notice__part" });
    sentence.dataset.part = part;
    node.append(sentence);
  }
  sentence.textContent = text ? `${text} ` : "";
  node.hidden = !node.textContent.trim();
}

/** The comuni of the province as labelled points: the background when there are no tiles. */
function comuniLayer() {
  const layer = L.layerGroup();
  for (const [name, lat, lng] of OPTIONS.comuni || []) {
    const label = Object.assign(document.createElement("span"), { textContent: name });
    label.setAttribute("aria-hidden", "true");
    L.marker([lat, lng], {
      icon: L.divIcon({ className: "comune-label", html: label, iconSize: null }),
      interactive: false,
      keyboard: false,
    }).addTo(layer);
  }
  return layer;
}

function offline(map, element, tiles, message) {
  if (element.dataset.tiles === "offline") return;
  element.dataset.tiles = "offline";
  element.classList.add("innovator-map--offline");
  if (tiles) map.removeLayer(tiles);
  comuniLayer().addTo(map);
  notice(element, "tiles", message || "");
}

/** A Leaflet map with tiles, or the comuni background when the tiles fail or time out. */
function baseMap(element, { center = [43.93, 10.92], zoom = 10 } = {}) {
  const map = L.map(element, { scrollWheelZoom: false, zoomControl: false, maxZoom: 18 }).setView(center, zoom);
  L.control.zoom({ zoomInTitle: MESSAGES.zoomIn || "+", zoomOutTitle: MESSAGES.zoomOut || "−" }).addTo(map);
  if (!OPTIONS.tileUrl) {
    offline(map, element, null, "");
    return map;
  }
  const tiles = L.tileLayer(OPTIONS.tileUrl, { attribution: OPTIONS.attribution, maxZoom: 18 });
  let loaded = 0;
  const fail = () => offline(map, element, tiles, MESSAGES.tilesFailed);
  tiles.on("tileload", () => { loaded += 1; element.dataset.tiles = "ready"; });
  tiles.on("tileerror", () => { if (!loaded) fail(); });
  setTimeout(() => { if (!loaded) fail(); }, TILE_TIMEOUT);
  tiles.addTo(map);
  return map;
}

// The dot's colour is set through the DOM, not a style attribute: the CSP allows no inline styles.
function dot(color) {
  const span = document.createElement("span");
  span.style.background = /^#[0-9a-fA-F]{6}$/.test(color) ? color : FALLBACK_COLOR;
  return span;
}

const icon = (color) => L.divIcon({
  className: "innovator-marker",
  html: dot(color),
  iconSize: [22, 22],
  iconAnchor: [11, 11],
  popupAnchor: [0, -10],
});

function popup({ url, name, sector, municipality }, target) {
  const box = document.createElement("div");
  const title = document.createElement("strong");
  if (url) {
    const link = Object.assign(document.createElement("a"), { href: url, textContent: name });
    if (target) Object.assign(link, { target, rel: "noopener" });
    title.append(link);
  } else {
    title.textContent = name;
  }
  const meta = document.createElement("p");
  meta.textContent = [sector, municipality].filter(Boolean).join(" · ");
  box.append(title, meta);
  return box;
}

/** Keyboard: Enter on a marker opens its popup and moves focus in; Escape goes back. */
function accessiblePopup(marker) {
  marker.on("popupopen", ({ popup: opened }) => {
    const box = opened.getElement();
    box.querySelector(".leaflet-popup-close-button")?.setAttribute("aria-label", MESSAGES.closePopup || "×");
    box.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      marker.closePopup();
      marker.getElement()?.focus();
    });
    (box.querySelector(".leaflet-popup-content a") || box).focus();
  });
}

function countText(node, count) {
  if (!node) return;
  node.textContent = count === 0 ? node.dataset.none : count === 1 ? node.dataset.one : node.dataset.many.replace("__N__", count);
}

/** The server's cluster of `count` innovators (a view with many): a tap or Enter zooms to them. */
function cellMarker(map, { geometry, properties }) {
  const [lng, lat] = geometry.coordinates;
  const { count, bounds: [west, south, east, north] } = properties;
  const size = count < 10 ? "small" : count < 100 ? "medium" : "large";
  const html = document.createElement("div");
  html.append(Object.assign(document.createElement("span"), { textContent: String(count) }));
  const label = (count === 1 ? MESSAGES.clusterOne : MESSAGES.cluster || "__N__").replace("__N__", count);
  const marker = L.marker([lat, lng], {
    icon: L.divIcon({ html, className: `marker-cluster marker-cluster-${size}`, iconSize: L.point(40, 40) }),
    title: label,
    alt: label,
    keyboard: true,
  });
  const zoomIn = () => map.fitBounds([[south, west], [north, east]], { padding: [30, 30], maxZoom: POINTS_ZOOM });
  marker.on("click", zoomIn);
  // Leaflet turns Enter into a click only for markers with a popup.
  marker.on("keypress", ({ originalEvent }) => { if (originalEvent.key === "Enter") zoomIn(); });
  return marker;
}

class InnovatorMap {
  constructor(element) {
    this.element = element;
    element.textContent = ""; // the "loading" message
    this.map = baseMap(element, OPTIONS);
    this.cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 });
    this.cells = L.layerGroup();
    this.map.addLayer(this.cluster).addLayer(this.cells);
    const [endpoint, query = ""] = element.dataset.geojsonUrl.split("?");
    this.endpoint = endpoint;
    this.params = new URLSearchParams(query);
    this.language = this.params.get("lang") || "";
    this.target = element.dataset.linkTarget || "";
    this.controller = null;
    this.shown = ""; // the URL whose markers are on the map
    this.shownOnce = false;
    this.complete = false; // every matching point is on the map: moving needs no request
    this.fitting = false; // the view moves to a filter's results
    this.pendingFit = false; // a filter's results are on their way: a move must not cancel them
    this.timer = null;
    this.map.on("moveend", () => {
      if (this.fitting) {
        this.fitting = false;
        if (this.complete) this.ready();
      }
      if (this.complete || this.pendingFit) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.load(), MOVE_DELAY);
    });
  }

  ready() {
    this.element.dataset.state = "ready";
  }

  /** New filters: the whole province, then the view fitted to the results. */
  filter(params) {
    this.params = new URLSearchParams(params);
    return this.load({ fit: true });
  }

  viewUrl(bounds, zoom) {
    const query = new URLSearchParams(this.params);
    for (const name of ["page", "ordine", "lang", "bbox", "zoom"]) query.delete(name);
    if (this.language) query.set("lang", this.language);
    // The box grows to a grid of one 256 px tile at this zoom: a small move asks the same URL
    // again (not asked at all, or served by the browser's and the page cache), and the page
    // cache keeps a few entries per zoom rather than one per pixel of panning.
    const step = 360 / 2 ** Math.round(zoom);
    const snap = (value, round, limit) => Math.max(-limit, Math.min(limit, round(value / step) * step));
    const box = [
      snap(bounds.getWest(), Math.floor, 180), snap(bounds.getSouth(), Math.floor, 90),
      snap(bounds.getEast(), Math.ceil, 180), snap(bounds.getNorth(), Math.ceil, 90),
    ];
    query.set("bbox", box.map((value) => value.toFixed(5)).join(","));
    query.set("zoom", String(Math.max(0, Math.round(zoom))));
    return `${this.endpoint}?${query}`;
  }

  async load({ fit = false } = {}) {
    clearTimeout(this.timer);
    this.pendingFit = fit;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.element.dataset.state = "loading";
    const bounds = fit ? L.latLngBounds(PROVINCE) : this.map.getBounds();
    const zoom = fit ? this.map.getBoundsZoom(bounds) : this.map.getZoom();
    const url = this.viewUrl(bounds, zoom);
    if (!fit && url === this.shown) {
      this.ready(); // the markers on the map are this view's already
      return;
    }
    let collection;
    try {
      const response = await request(url, {
        headers: { Accept: "application/geo+json" },
        signal: controller.signal,
      });
      collection = await response.json();
    } catch {
      if (controller !== this.controller) return; // superseded by a newer view: not an error
      this.pendingFit = false;
      this.element.dataset.state = "error";
      notice(this.element, "points", MESSAGES.pointsFailed || "");
      return;
    }
    if (controller !== this.controller) return;
    this.pendingFit = false;
    this.shown = url;
    this.show(collection, fit);
  }

  show(collection, fit) {
    const features = collection.features || [];
    this.cluster.clearLayers();
    this.cells.clearLayers();
    const points = features.filter(({ properties }) => !properties.cluster);
    const markers = points.map(({ geometry, properties }) => {
      const [lng, lat] = geometry.coordinates;
      const marker = L.marker([lat, lng], { icon: icon(properties.color), title: properties.name, alt: properties.name, keyboard: true });
      marker.bindPopup(() => popup(properties, this.target)); // built when opened
      accessiblePopup(marker);
      return marker;
    });
    this.cluster.addLayers(markers);
    features.filter(({ properties }) => properties.cluster).forEach((feature) => {
      cellMarker(this.map, feature).addTo(this.cells);
    });
    notice(this.element, "points", "");
    if (!fit) {
      this.ready();
      return;
    }
    const total = collection.total ?? features.length;
    this.complete = !collection.clustered;
    this.element.dataset.count = String(total);
    document.querySelectorAll("[data-map-count]").forEach((node) => {
      countText(node, total);
    });
    const bounds = L.latLngBounds([]);
    for (const { geometry, properties } of features) {
      const [lng, lat] = geometry.coordinates;
      bounds.extend([lat, lng]);
      if (properties.bounds) {
        const [west, south, east, north] = properties.bounds;
        bounds.extend([[south, west], [north, east]]);
      }
    }
    if (!bounds.isValid()) {
      this.ready();
      return;
    }
    // "ready" once the view has settled on the markers (and, with clusters, loaded for it):
    // a click during the zoom would miss them.
    this.fitting = true;
    // The first view jumps (no zoom animation: frames of work before the reader can act).
    this.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 14, animate: Boolean(this.shownOnce) });
    this.shownOnce = true;
  }
}

function formParams(form) {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (String(value).trim()) params.set(key, String(value).trim());
  }
  return params;
}

function liveFilters(form, map) {
  const list = document.querySelector("[data-innovator-list]");
  const embedCode = document.querySelector("[data-embed-code]");
  const embedBase = map.element.dataset.embedBase;
  let timer = null;
  let listRequest = 0;

  async function refreshList(pageUrl) {
    const current = ++listRequest;
    list.setAttribute("aria-busy", "true");
    try {
      const html = await (await request(pageUrl, { headers: { "X-Requested-With": "fetch" } })).text();
      const fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-innovator-list]");
      if (fresh && current === listRequest) {
        list.innerHTML = fresh.innerHTML;
        notice(list, "list", "");
      }
    } catch {
      if (current === listRequest) notice(list, "list", MESSAGES.listFailed || "");
    } finally {
      if (current === listRequest) list.removeAttribute("aria-busy");
    }
  }

  function apply(params, push) {
    const query = params.toString();
    const pageUrl = window.location.pathname + (query ? `?${query}` : "");
    if (push) window.history.pushState({ query }, "", pageUrl);
    map.filter(params);
    if (embedCode && embedBase) {
      embedCode.value = embedCode.value.replace(/src="[^"]*"/, `src="${embedBase}${query ? `?${query}` : ""}"`);
    }
    if (list) refreshList(pageUrl);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply(formParams(form), true);
  });
  form.addEventListener("change", (event) => {
    if (event.target.name !== "q") apply(formParams(form), true);
  });
  form.addEventListener("input", (event) => {
    if (event.target.name !== "q") return;
    clearTimeout(timer);
    timer = setTimeout(() => apply(formParams(form), true), 350);
  });
  window.addEventListener("popstate", () => {
    const params = new URLSearchParams(window.location.search);
    for (const field of form.elements) {
      if (!field.name) continue;
      if (field.type === "checkbox") field.checked = params.get(field.name) === field.value;
      else field.value = params.get(field.name) || "";
    }
    apply(params, false);
  });
}

function pointMap(element) {
  const lat = parseFloat(element.dataset.lat);
  const lng = parseFloat(element.dataset.lng);
  const map = baseMap(element, { center: [lat, lng], zoom: OPTIONS.zoom || 13 });
  L.marker([lat, lng], { icon: icon(element.dataset.color), title: element.dataset.label, alt: element.dataset.label, keyboard: false }).addTo(map);
}

function copyButtons() {
  document.querySelectorAll("[data-copy]").forEach((button) => {
    button.addEventListener("click", async () => {
      const source = document.querySelector(button.dataset.copy);
      source.select();
      try {
        await navigator.clipboard.writeText(source.value);
      } catch {
        document.execCommand("copy"); // older browsers, or clipboard permission refused
      }
      button.textContent = button.dataset.copied || "✓";
    });
  });
}

/** On a phone the filters fold behind one button, «Filtri (n)» (n: the filters in use): it opens
 * them as a panel and moves the focus into it; Escape or applying closes it and returns the
 * focus to the button. On wider screens the CSS shows the form and hides the button. */
function foldFilters(form, toggle) {
  const phone = window.matchMedia("(max-width: 39.99rem)");
  const label = () => {
    const active = new Set([...formParams(form).keys()].filter((name) => name !== "ordine")).size;
    toggle.textContent = active ? `${toggle.dataset.label} (${active})` : toggle.dataset.label;
  };
  const open = (opened, focus = true) => {
    form.classList.toggle("is-open", opened);
    toggle.setAttribute("aria-expanded", String(opened));
    if (!focus || !phone.matches) return;
    (opened ? form.querySelector("input, select, button") : toggle)?.focus();
  };
  form.classList.add("innovator-filters--foldable");
  label();
  toggle.addEventListener("click", () => open(!form.classList.contains("is-open")));
  form.addEventListener("change", label);
  form.addEventListener("input", label);
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && form.classList.contains("is-open") && phone.matches) {
      event.preventDefault();
      open(false);
    }
  });
  form.addEventListener("submit", () => { if (phone.matches) open(false); });
  window.addEventListener("popstate", () => setTimeout(label)); // after liveFilters restores the fields
}

/** Runs `start` once `element` comes within a screen of the viewport. */
function whenNear(element, start) {
  if (!("IntersectionObserver" in window)) {
    start();
    return;
  }
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    start();
  }, { rootMargin: "100% 0px" });
  observer.observe(element);
}

async function startMap(element, libraries) {
  try {
    for (const src of libraries) await loadScript(src);
  } catch {
    element.dataset.state = "error";
    notice(element, "points", MESSAGES.pointsFailed || "");
    return;
  }
  if (element.matches("[data-point-map]")) {
    pointMap(element);
    return;
  }
  const map = new InnovatorMap(element);
  element.innovatorMap = map;
  map.filter(map.params);
  const form = document.querySelector("[data-live-filters]");
  if (form) liveFilters(form, map);
}

const assets = document.getElementById("map-script")?.dataset || {};
document.querySelectorAll("[data-js-only]").forEach((node) => { node.hidden = false; });
document.querySelectorAll("[data-innovator-map]").forEach((element) => {
  whenNear(element, () => startMap(element, [assets.leaflet, assets.cluster]));
});
document.querySelectorAll("[data-point-map]").forEach((element) => {
  whenNear(element, () => startMap(element, [assets.leaflet]));
});
const filterForm = document.querySelector("[data-live-filters]");
const filterToggle = document.querySelector("[data-filters-toggle]");
if (filterForm && filterToggle) foldFilters(filterForm, filterToggle);
copyButtons();
