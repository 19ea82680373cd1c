/*
 * The admin's location field (wagtailgeowidget's Leaflet widget), made usable by editors:
 * - a click on the map puts the marker there and writes the point;
 * - choosing a comune (the form's municipality select, or the widget's own "centre on" select)
 *   moves the marker to the comune's reference centre: no network needed;
 * - Enter in the address field never submits the form.
 * Loaded after wagtailgeowidget's leaflet-field.js, before its Stimulus controller creates the
 * field, so the prototype is extended before any instance exists. Settings come from the
 * widget's `data-portal-geo` attribute (see portal/geo.py).
 */
(() => {
  "use strict";

  var LeafletField = window.LeafletField;
  if (!LeafletField) {
    return;
  }

  function optionsFor(field) {
    var holder = document.getElementById(field.sourceField.attr("id"));
    try {
      return JSON.parse(holder.getAttribute("data-portal-geo") || "{}");
    } catch {
      return {};
    }
  }

  LeafletField.prototype.portalMoveTo = function (latLng) {
    this.setMapPosition(latLng);
    this.updateLatLng(latLng);
    this.writeLocation(latLng);
    this.sourceField[0].dispatchEvent(new Event("change", { bubbles: true }));
  };

  function keepEnterFromSubmitting(input) {
    if (!input || input.dataset.portalGeoEnter) {
      return;
    }
    input.dataset.portalGeoEnter = "1";
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
      }
    });
  }

  function followComune(field, select, centres) {
    if (!select) {
      return;
    }
    select.addEventListener("change", () => {
      var centre = centres[select.value];
      if (centre) {
        field.portalMoveTo(window.L.latLng(centre[0], centre[1]));
      }
    });
  }

  var initEvents = LeafletField.prototype.initEvents;
  LeafletField.prototype.initEvents = function () {
    initEvents.call(this);
    var options = optionsFor(this);
    var id = this.sourceField.attr("id");

    this.map.on("click", (event) => {
      this.portalMoveTo(event.latlng);
    });
    this.mapEl[0].setAttribute("data-portal-geo-ready", "1");
    this.latLngField.attr("aria-label", options.latLngLabel || "");
    keepEnterFromSubmitting(this.latLngField[0]);
    keepEnterFromSubmitting(this.addressField[0]);

    var select = options.municipalityField
      ? document.getElementById(id.replace(/[^-_]+$/, "") + options.municipalityField)
      : document.getElementById(`${id}_comune`);
    followComune(this, select, options.centres || {});
  };
})();
