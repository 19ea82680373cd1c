/* Pistoia2030 — the map of innovators.
 *
 * Works on top of server-rendered HTML: the filter form and the list work without JavaScript.
 * Here the form becomes live: each change updates the URL (a shareable view), reloads the
 * markers from the GeoJSON endpoint and swaps the list with the server's filtered list.
 */
(function () {
  "use strict";

  function settings() {
    var node = document.getElementById("map-settings");
    return node ? JSON.parse(node.textContent) : {};
  }

  function baseMap(element, options) {
    var map = L.map(element, { scrollWheelZoom: false }).setView(options.center || [43.93, 10.92], options.zoom || 10);
    L.tileLayer(options.tileUrl, { attribution: options.attribution, maxZoom: 18 }).addTo(map);
    return map;
  }

  function icon(color, label) {
    return L.divIcon({
      className: "innovator-marker",
      html: '<span style="background:' + (/^#[0-9a-fA-F]{6}$/.test(color) ? color : "#0b5e55") + '"></span>',
      iconSize: [22, 22],
      iconAnchor: [11, 11],
      popupAnchor: [0, -10],
    });
  }

  function popup(properties, target) {
    var box = document.createElement("div");
    var title = document.createElement("strong");
    if (properties.url) {
      var link = document.createElement("a");
      link.href = properties.url;
      link.textContent = properties.name;
      if (target) { link.target = target; link.rel = "noopener"; }
      title.appendChild(link);
    } else {
      title.textContent = properties.name;
    }
    var meta = document.createElement("p");
    meta.textContent = [properties.sector, properties.municipality].filter(Boolean).join(" · ");
    box.appendChild(title);
    box.appendChild(meta);
    return box;
  }

  function countText(node, count) {
    if (!node) return;
    node.textContent = count === 0 ? node.dataset.none : count === 1 ? node.dataset.one : node.dataset.many.replace("__N__", count);
  }

  function InnovatorMap(element) {
    this.element = element;
    element.textContent = ""; // the "loading" message
    this.options = settings();
    this.map = baseMap(element, this.options);
    this.cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 });
    this.map.addLayer(this.cluster);
    this.endpoint = element.dataset.geojsonUrl.split("?")[0];
    this.language = new URLSearchParams(element.dataset.geojsonUrl.split("?")[1] || "").get("lang") || "";
    this.target = element.dataset.linkTarget || "";
    this.request = 0;
  }

  InnovatorMap.prototype.load = function (url) {
    var self = this;
    var request = ++this.request;
    this.element.dataset.state = "loading";
    return fetch(url, { headers: { Accept: "application/geo+json" } })
      .then(function (response) { return response.json(); })
      .then(function (collection) {
        if (request !== self.request) return;
        self.cluster.clearLayers();
        var markers = collection.features.map(function (feature) {
          var coordinates = feature.geometry.coordinates; // [lng, lat]
          var marker = L.marker([coordinates[1], coordinates[0]], {
            icon: icon(feature.properties.color),
            title: feature.properties.name,
            alt: feature.properties.name,
            keyboard: true,
          });
          marker.bindPopup(popup(feature.properties, self.target));
          return marker;
        });
        self.cluster.addLayers(markers);
        if (markers.length) {
          self.map.fitBounds(self.cluster.getBounds(), { padding: [30, 30], maxZoom: 14 });
        }
        self.element.dataset.count = String(markers.length);
        self.element.dataset.state = "ready";
        document.querySelectorAll("[data-map-count]").forEach(function (node) { countText(node, markers.length); });
      });
  };

  InnovatorMap.prototype.urlFor = function (params) {
    var query = new URLSearchParams(params);
    query.delete("page");
    query.delete("ordine");
    if (this.language) query.set("lang", this.language);
    return this.endpoint + "?" + query.toString();
  };

  function formParams(form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (String(value).trim()) params.set(key, String(value).trim());
    });
    return params;
  }

  function liveFilters(form, map) {
    var list = document.querySelector("[data-innovator-list]");
    var embedCode = document.querySelector("[data-embed-code]");
    var embedBase = map.element.dataset.embedBase;
    var timer = null;

    function apply(params, push) {
      var query = params.toString();
      var pageUrl = window.location.pathname + (query ? "?" + query : "");
      if (push) window.history.pushState({ query: query }, "", pageUrl);
      map.load(map.urlFor(params));
      if (embedCode && embedBase) {
        embedCode.value = embedCode.value.replace(/src="[^"]*"/, 'src="' + embedBase + (query ? "?" + query : "") + '"');
      }
      if (list) {
        fetch(pageUrl, { headers: { "X-Requested-With": "fetch" } })
          .then(function (response) { return response.text(); })
          .then(function (html) {
            var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-innovator-list]");
            if (fresh) list.innerHTML = fresh.innerHTML;
          });
      }
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply(formParams(form), true);
    });
    form.addEventListener("change", function (event) {
      if (event.target.name === "q") return;
      apply(formParams(form), true);
    });
    form.addEventListener("input", function (event) {
      if (event.target.name !== "q") return;
      clearTimeout(timer);
      timer = setTimeout(function () { apply(formParams(form), true); }, 350);
    });
    window.addEventListener("popstate", function () {
      var params = new URLSearchParams(window.location.search);
      Array.prototype.forEach.call(form.elements, function (field) {
        if (!field.name) return;
        if (field.type === "checkbox") field.checked = params.get(field.name) === field.value;
        else field.value = params.get(field.name) || "";
      });
      apply(params, false);
    });
  }

  function pointMap(element) {
    var options = settings();
    var lat = parseFloat(element.dataset.lat);
    var lng = parseFloat(element.dataset.lng);
    var map = baseMap(element, { tileUrl: options.tileUrl, attribution: options.attribution, center: [lat, lng], zoom: options.zoom || 13 });
    L.marker([lat, lng], { icon: icon(element.dataset.color), title: element.dataset.label, alt: element.dataset.label, keyboard: false }).addTo(map);
  }

  function copyButtons() {
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        var source = document.querySelector(button.dataset.copy);
        source.select();
        if (navigator.clipboard) navigator.clipboard.writeText(source.value);
        else document.execCommand("copy");
        button.textContent = button.dataset.copied || "✓";
      });
    });
  }

  function init() {
    if (typeof L === "undefined") return;
    document.querySelectorAll("[data-js-only]").forEach(function (node) { node.hidden = false; });
    document.querySelectorAll("[data-innovator-map]").forEach(function (element) {
      var map = new InnovatorMap(element);
      element.innovatorMap = map;
      map.load(element.dataset.geojsonUrl);
      var form = document.querySelector("[data-live-filters]");
      if (form) liveFilters(form, map);
    });
    document.querySelectorAll("[data-point-map]").forEach(pointMap);
    copyButtons();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
