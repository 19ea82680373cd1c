/* Pistoia2030 — the innovators' area: choose the profile's point by clicking a map.
 *
 * Works on top of the form: the latitude and longitude fields are the point, and they work
 * without JavaScript (or without the map's tiles). Here a click on the map moves the marker
 * and fills them in; typing in them moves the marker.
 */
const settings = () => {
  const node = document.getElementById("map-settings");
  return node ? JSON.parse(node.textContent) : {};
};

function start() {
  const element = document.querySelector("[data-area-map]");
  const latitude = document.getElementById("id_latitude");
  const longitude = document.getElementById("id_longitude");
  if (!element || !latitude || !longitude || typeof L === "undefined") return;
  const options = settings();
  element.hidden = false;
  const read = () => {
    const lat = parseFloat(latitude.value);
    const lng = parseFloat(longitude.value);
    return Number.isFinite(lat) && Number.isFinite(lng) ? [lat, lng] : null;
  };
  const point = read();
  const map = L.map(element, { scrollWheelZoom: false }).setView(
    point || options.center || [43.93, 10.91],
    point ? options.zoom || 13 : 10,
  );
  if (options.tileUrl) {
    L.tileLayer(options.tileUrl, { attribution: options.attribution || "", maxZoom: 19 }).addTo(map);
  }
  let marker = point ? L.marker(point, { keyboard: false }).addTo(map) : null;
  const place = (latlng) => {
    if (marker) marker.setLatLng(latlng);
    else marker = L.marker(latlng, { keyboard: false }).addTo(map);
  };
  map.on("click", (event) => {
    place(event.latlng);
    latitude.value = event.latlng.lat.toFixed(6);
    longitude.value = event.latlng.lng.toFixed(6);
    latitude.dispatchEvent(new Event("change", { bubbles: true }));
  });
  for (const input of [latitude, longitude]) {
    input.addEventListener("change", () => {
      const typed = read();
      if (typed) place(typed);
    });
  }
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
