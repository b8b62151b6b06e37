// The charts drawn again for the filtered figures and the width they have: horizontal bars (a ranking), columns (months,
// value bands) and the cohort heat map. Presentation attributes only, text through textContent.
var SVG = 'http://www.w3.org/2000/svg';
var HEAT = ['#eff6ff', '#dbeafe', '#bfdbfe', '#93c5fd', '#60a5fa', '#2563eb', '#1d4ed8', '#1e40af', '#1e3a8a', '#172554'];

// A new chart element of the given size, titled as the one it replaces, and a function drawing into it.
function canvas(old, width, height) {
  var svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'chart'); svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height); svg.setAttribute('role', 'img');
  svg.setAttribute('width', width); svg.setAttribute('height', height);
  svg.appendChild(document.createElementNS(SVG, 'title')).textContent = old.querySelector('title') ? old.querySelector('title').textContent : '';
  return { svg: svg, draw: function (name, attributes, text) {
    var node = svg.appendChild(document.createElementNS(SVG, name));
    Object.keys(attributes).forEach(function (a) { node.setAttribute(a, attributes[a]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  } };
}

// Columns: labels level when they fit their slot, else turned 45° (a label per column as long as turned labels are 14 px
// apart; about 7 px a character at 11 px), the bottom margin growing to hold them; never past the chart's edges.
function columnLayout(width, labels, values) {
  var labelWidth = 7 * Math.max.apply(null, labels.map(function (l) { return l.length; }).concat([4])) + 8, n = Math.max(1, labels.length);
  var right = Math.ceil(labelWidth / 2), left = Math.max(width < 500 ? 8 : 60, right), slot = (width - left - right) / n;
  var turned = labelWidth > slot, reach = Math.ceil(labelWidth * Math.SQRT1_2);
  if (turned) { right = 10; left = Math.max(width < 500 ? 8 : 60, reach); slot = (width - left - right) / n; }
  var valueWidth = 7 * Math.max.apply(null, values.map(function (v) { return compact(v).length; }).concat([1])) + 4;
  return { left: left, slot: slot, turned: turned, bottom: turned ? reach + 20 : 30,
    every: Math.max(1, Math.ceil(turned ? 14 / (slot * Math.SQRT1_2) : labelWidth / slot)), valueEvery: Math.max(1, Math.ceil(valueWidth / slot)) };
}

function chart(section, labels, values, columns, other) {
  var old = section.querySelector('svg.chart');
  if (!old) { return; }
  // Drawn at the width the chart has (one viewBox unit = one CSS pixel), so its 11–12 px text stays 11–12 px on a phone.
  var width = Math.max(240, Math.min(960, contentWidth(old))), band = 26, n = labels.length;
  var c = columns ? columnLayout(width, labels, values) : null;
  var left = columns ? c.left : Math.min(230, Math.round(width * 0.38)), chars = Math.min(32, Math.floor((left - 8) / 7.6));
  var height = columns ? 270 + c.bottom : 20 + n * band, max = Math.max.apply(null, values.concat([1]));
  var pen = canvas(old, width, height), draw = pen.draw;
  // Each bar is titled "label: value" (a tooltip, and read out), also where its label is left out for room.
  function titled(rect, i) { rect.appendChild(document.createElementNS(SVG, 'title')).textContent = labels[i] + ': ' + compact(values[i]); }
  labels.forEach(function (label, i) {
    var v = Math.max(0, values[i]) / max;
    if (columns) {
      var w = Math.min(48, c.slot * 0.7), x = left + (i + 0.5) * c.slot, base = height - c.bottom, h = v * (base - 30);
      titled(draw('rect', { x: x - w / 2, y: base - h, width: w, height: h, fill: '#2563EB' }), i);
      if (i % c.every === 0) {
        var at = c.turned ? { x: x + 4, y: base + 14, 'text-anchor': 'end', transform: 'rotate(-45 ' + (x + 4) + ' ' + (base + 14) + ')' } : { x: x, y: height - 12, 'text-anchor': 'middle' };
        at['font-size'] = 11; at.fill = '#111827';
        draw('text', at, label);
      }
      if (i % c.valueEvery === 0) { draw('text', { x: x, y: base - 4 - h, 'text-anchor': 'middle', 'font-size': 11, fill: '#4b5563' }, compact(values[i])); }
    } else {
      var y = 10 + i * band, bar = v * (width - left - 64);
      draw('text', { x: left - 6, y: y + 17, 'text-anchor': 'end', 'font-size': 12, fill: '#111827' }, label.length > chars ? label.slice(0, chars - 1) + '\u2026' : label);
      titled(draw('rect', { x: left, y: y + 4, width: bar, height: band - 8, fill: other && i === n - 1 ? '#9CA3AF' : '#2563EB' }), i);
      draw('text', { x: left + bar + 4, y: y + 17, 'font-size': 12, fill: '#4b5563' }, compact(values[i]));
    }
  });
  pen.svg.hidden = n === 0;
  old.replaceWith(pen.svg);
}

// The width a chart may take: the old chart's, measured at 100% of its box (through attributes, as the policy allows).
function contentWidth(svg) {
  svg.setAttribute('width', '100%');
  return Math.floor(svg.getBoundingClientRect().width) || 720;
}

// The heat map drawn again as HeatMapChart draws it: the ten-step scale, a row per label, a cell per column shaded by its
// share (null: no cell) and labelled with it; at its own size (ChartWidth or wider), in a box that scrolls sideways.
function heatMap(section, rowLabels, columnLabels, shares, valueLabel) {
  var old = section.querySelector('svg.chart');
  if (!old) { return; }
  var longest = Math.max.apply(null, rowLabels.map(function (l) { return l.length; }).concat([0]));
  var left = Math.min(Math.max(7.2 * longest + 10, 40), data.chartWidth * 0.3), width = Math.max(data.chartWidth, left + 4 + columnLabels.length * 84);
  var cell = (width - left - 4) / Math.max(1, columnLabels.length), top = 48, pen = canvas(old, width, top + rowLabels.length * 22 + 4), draw = pen.draw;
  var scaleText = valueLabel + ':  0%', x = left + 7.2 * scaleText.length + 6;
  draw('text', { x: left, y: 16.5, 'font-size': 12, fill: '#111827' }, scaleText);
  HEAT.forEach(function (colour, step) { draw('rect', { x: x + step * 14, y: 6, width: 14, height: 12, fill: colour }); });
  draw('text', { x: x + HEAT.length * 14 + 6, y: 16.5, 'font-size': 12, fill: '#111827' }, '100%');
  columnLabels.forEach(function (label, c) { draw('text', { x: left + (c + 0.5) * cell, y: top - 6, 'text-anchor': 'middle', 'font-size': 12, fill: '#4b5563' }, label); });
  rowLabels.forEach(function (label, r) {
    var y = top + r * 22;
    draw('text', { x: left - 6, y: y + 15, 'text-anchor': 'end', 'font-size': 12, fill: '#111827' }, label);
    shares[r].forEach(function (share, c) {
      if (share === null) { return; }
      var step = heatStep(share);
      draw('rect', { x: left + c * cell + 1, y: y + 1, width: cell - 2, height: 20, fill: HEAT[step] });
      if (cell >= 34) { draw('text', { x: left + (c + 0.5) * cell, y: y + 15, 'text-anchor': 'middle', 'font-size': 12, fill: step >= 5 ? '#ffffff' : '#111827' }, percent(share)); }
    });
  });
  pen.svg.hidden = rowLabels.length === 0;
  old.replaceWith(pen.svg);
}
function heatStep(share) { return Math.min(9, Math.max(0, Math.floor(share * 10))); }
