/* Pistoia2030 — the map of innovators (an ES module, loaded after Leaflet).
 *
 * Works on top of server-rendered HTML: the filter form and the list work without JavaScript.
 * Here the form becomes live: each change updates the URL (a shareable view), reloads the
 * markers from the GeoJSON endpoint and swaps the list with the server's filtered list.
 * When the tile server cannot be reached (or none is set), the map falls back to a neutral
 * background with the province's comuni labelled, and says so.
 */
const TILE_TIMEOUT = 8000;
const FETCH_TIMEOUT = 15000;
const FALLBACK_COLOR = "#0b5e55";

const settings = () => {
  const node = document.getElementById("map-settings");
  return node ? JSON.parse(node.textContent) : {};
};
const OPTIONS = settings();
const MESSAGES = OPTIONS.messages || {};

/** fetch with a timeout and an error for any non-2xx answer. */
async function request(url, init = {}, timeout = FETCH_TIMEOUT) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response;
  } finally {
    clearTimeout(timer);
  }
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

class InnovatorMap {
  constructor(element) {
    this.element = element;
    element.textContent = ""; // the "loading" message
    this.map = baseMap(element, OPTIONS);
    this.cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 });
    this.map.addLayer(this.cluster);
    const [endpoint, query = ""] = element.dataset.geojsonUrl.split("?");
    this.endpoint = endpoint;
    this.language = new URLSearchParams(query).get("lang") || "";
    this.target = element.dataset.linkTarget || "";
    this.request = 0;
  }

  async load(url) {
    const current = ++this.request;
    this.element.dataset.state = "loading";
    let collection;
    try {
      collection = await (await request(url, { headers: { Accept: "application/geo+json" } })).json();
    } catch {
      if (current !== this.request) return;
      this.element.dataset.state = "error";
      notice(this.element, "points", MESSAGES.pointsFailed || "");
      return;
    }
    if (current !== this.request) return;
    this.show(collection.features || []);
  }

  show(features) {
    this.cluster.clearLayers();
    const markers = features.map(({ geometry, properties }) => {
      const [lng, lat] = geometry.coordinates;
      const marker = L.marker([lat, lng], { icon: icon(properties.color), title: properties.name, alt: properties.name, keyboard: true });
      marker.bindPopup(popup(properties, this.target));
      accessiblePopup(marker);
      return marker;
    });
    this.cluster.addLayers(markers);
    notice(this.element, "points", "");
    this.element.dataset.count = String(markers.length);
    // "ready" once the view has settled on the markers: a click during the zoom would miss them.
    const settled = () => { this.element.dataset.state = "ready"; };
    if (markers.length) {
      this.map.once("moveend", settled);
      this.map.fitBounds(this.cluster.getBounds(), { padding: [30, 30], maxZoom: 14 });
    } else {
      settled();
    }
    document.querySelectorAll("[data-map-count]").forEach((node) => countText(node, markers.length));
  }

  urlFor(params) {
    const query = new URLSearchParams(params);
    query.delete("page");
    query.delete("ordine");
    if (this.language) query.set("lang", this.language);
    return `${this.endpoint}?${query}`;
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
    map.load(map.urlFor(params));
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

if (typeof L !== "undefined") {
  document.querySelectorAll("[data-js-only]").forEach((node) => { node.hidden = false; });
  document.querySelectorAll("[data-innovator-map]").forEach((element) => {
    const map = new InnovatorMap(element);
    element.innovatorMap = map;
    map.load(element.dataset.geojsonUrl);
    const form = document.querySelector("[data-live-filters]");
    if (form) liveFilters(form, map);
  });
  document.querySelectorAll("[data-point-map]").forEach(pointMap);
  copyButtons();
}
