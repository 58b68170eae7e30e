// The ranking's chart: each member's reviewed score, with its own score beside it; a member
// whose reviewers disagree beyond the cluster's spread is drawn in orange. The table above
// holds the same numbers for screen readers.
(function () {
  "use strict";
  var source = document.getElementById("ranking-chart-data");
  var canvas = document.getElementById("ranking-chart");
  if (!source || !canvas || typeof Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  var number = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        {
          label: "Điểm thẩm định",
          data: data.final,
          backgroundColor: data.flagged.map(function (f) { return f ? "#c2410c" : "#0b3a6e"; }),
        },
        { label: "Điểm tự chấm", data: data.own, backgroundColor: "#9fb6d3" },
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
              return item.dataset.label + ": " + number.format(item.raw) + " điểm";
            },
          },
        },
      },
      scales: { x: { beginAtZero: true, suggestedMax: data.maximum } },
    },
  });
})();
