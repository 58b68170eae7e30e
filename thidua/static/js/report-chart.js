// The report's chart: two bars per honour (the year and the one before); a bar opens the
// list of the records it counts. The table above holds the same numbers for screen readers.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-chart-data").textContent);
  var canvas = document.getElementById("report-chart");
  if (!canvas || typeof Chart === "undefined") return;
  var number = new Intl.NumberFormat("vi-VN");
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: "Năm " + data.year, data: data.now, backgroundColor: "#0b3a6e" },
        { label: "Năm " + (data.year - 1), data: data.before, backgroundColor: "#9fb6d3" },
      ],
    },
    options: {
      indexAxis: "y",
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { position: "top" },
        tooltip: {
          callbacks: {
            label: function (item) {
              return item.dataset.label + ": " + number.format(item.raw);
            },
          },
        },
      },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      onClick: function (event, elements) {
        if (!elements.length) return;
        var link = data.links[elements[0].index];
        // The second bar of a pair is the year before.
        if (elements[0].datasetIndex === 1) link = link.replace(/([?&]nam=)(\d+)/, function (m, p, y) { return p + (Number(y) - 1); });
        window.location.href = link;
      },
      onHover: function (event, elements) {
        event.native.target.style.cursor = elements.length ? "pointer" : "default";
      },
    },
  });
})();
