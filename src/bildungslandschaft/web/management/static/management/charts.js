/* Render every <script type="application/json" class="vega-spec"> into the element named by data-target.
   Uses the Vega expression interpreter, so no eval is needed under a strict Content-Security-Policy. */
(function () {
  "use strict";
  function render(node) {
    var target = document.getElementById(node.getAttribute("data-target"));
    if (!target || typeof window.vegaEmbed !== "function") { return; }
    var options = { actions: false, renderer: "svg", ast: true, expr: window.vega.expressionInterpreter };
    window.vegaEmbed(target, JSON.parse(node.textContent), options).then(function () {
      var svg = target.querySelector("svg");
      if (svg) {
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", node.getAttribute("data-label") || "Grafik");
      }
    }).catch(function () {
      target.textContent = "Die Grafik konnte nicht dargestellt werden; die Tabelle enthält dieselben Werte.";
    });
  }
  document.querySelectorAll("script.vega-spec").forEach(render);
})();
