/* Bildungslandschaft: draw every Vega-Lite spec embedded as <script type="application/json">.
 * No eval: the expression interpreter runs Vega expressions, so a strict CSP (script-src 'self') works.
 * Without JavaScript the data table next to each chart carries the content. */
(function () {
  "use strict";

  var GERMAN = { decimal: ",", thousands: ".", grouping: [3], currency: ["", "\u00a0€"] };

  function fitWidth(spec, element) {
    var available = element.clientWidth;
    if (!spec.width || !available || spec.projection) { return spec; }
    var wanted = Math.max(220, Math.min(860, available - 200));
    spec.width = wanted;
    return spec;
  }

  function draw(element, source) {
    if (!element || !source || typeof vegaEmbed !== "function") { return; }
    var spec = fitWidth(JSON.parse(source.textContent), element);
    delete spec.title; /* the figcaption carries the title on the page */
    var options = {
      renderer: "svg",
      actions: false,
      ast: true,
      expr: vega.expressionInterpreter,
      formatLocale: GERMAN,
      defaultStyle: false,
      tooltip: { disableDefaultStyle: true, theme: "custom" }
    };
    vegaEmbed(element, spec, options).then(function () {
      /* the container (role="img") is labelled by caption and sentence; the drawing itself is decoration */
      var drawing = element.querySelector("svg");
      if (drawing) {
        drawing.setAttribute("aria-hidden", "true");
        drawing.setAttribute("focusable", "false");
        /* a viewBox lets the drawing shrink with the screen instead of being cut off */
        if (!drawing.getAttribute("viewBox")) {
          drawing.setAttribute("viewBox", "0 0 " + drawing.getAttribute("width") + " " + drawing.getAttribute("height"));
        }
      }
      element.classList.add("is-drawn");
    }).catch(function () {
      element.textContent = "Das Diagramm konnte nicht gezeichnet werden; die Werte stehen in der Tabelle.";
    });
  }

  function drawAll() {
    var elements = document.querySelectorAll("[data-chart-spec]");
    for (var index = 0; index < elements.length; index += 1) {
      draw(elements[index], document.getElementById(elements[index].getAttribute("data-chart-spec")));
    }
    /* the other markup (Bildungsmanagement): the spec names the element it is drawn into */
    var specs = document.querySelectorAll("script.vega-spec[data-target]");
    for (var number = 0; number < specs.length; number += 1) {
      draw(document.getElementById(specs[number].getAttribute("data-target")), specs[number]);
    }
  }

  /* paper has no "Daten als Tabelle" button: print every chart's table */
  window.addEventListener("beforeprint", function () {
    var folded = document.querySelectorAll("details.chart-table:not([open])");
    for (var index = 0; index < folded.length; index += 1) { folded[index].setAttribute("open", ""); }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
}());
