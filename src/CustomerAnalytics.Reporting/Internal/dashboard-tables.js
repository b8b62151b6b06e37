// The tables: rows written again for the filters, and sort (click a header; again to reverse) and CSV export of each.
function rows(table, list) {
  var body = table.tBodies[0];
  body.textContent = '';
  list.forEach(function (cells) {
    var tr = body.insertRow();
    cells.forEach(function (cell, i) {
      var td = tr.insertCell();
      if (table.tHead.rows[0].cells[i].classList.contains('num')) { td.className = 'num'; }
      if (cell instanceof Node) { td.appendChild(cell); } else { td.textContent = cell; }
    });
  });
  if (!list.length) { var empty = body.insertRow().insertCell(); empty.colSpan = table.tHead.rows[0].cells.length; empty.textContent = 'No orders match the filters.'; }
  table.tHead.querySelectorAll('th').forEach(function (th) { th.removeAttribute('aria-sort'); });
}
// A drawn section (not a line under "Not shown") with a table.
function panel(id) { var s = document.getElementById(id); return s && s.matches('section.panel') && s.querySelector('table') ? s : null; }
// A table's column headers, as text.
function headTexts(table) { return Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.textContent; }); }
function ranked(map, names) {
  return Object.keys(map).map(function (k) { var g = map[k]; g.name = names[k]; g.key = Number(k); return g; })
    .sort(function (a, b) { return b.revenue - a.revenue || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0); });
}

// A formatted number (-£1,234.50, 25.0%) as invariant text (-1234.50, 25.0); a sort key as its value.
function numberText(cell) { return cell.textContent.split(data.point).map(function (p) { return p.replace(/[^0-9-]/g, ''); }).join('.'); }
function value(cell, numeric) {
  if (!numeric) { return cell.textContent; }
  var n = parseFloat(numberText(cell));
  return isNaN(n) ? 0 : n;
}
function enhance(table, name) {
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, i) {
    var label = th.textContent, numeric = th.classList.contains('num');
    th.textContent = '';
    th.appendChild(button(label, function () {
      var down = th.getAttribute('aria-sort') !== (numeric ? 'descending' : 'ascending');
      var list = Array.prototype.slice.call(table.tBodies[0].rows).filter(function (r) { return r.cells.length === heads.length; });
      list.sort(function (a, b) {
        var x = value(a.cells[i], numeric), y = value(b.cells[i], numeric), c = x < y ? -1 : x > y ? 1 : 0;
        return numeric === down ? -c : c;
      });
      list.forEach(function (r) { table.tBodies[0].appendChild(r); });
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', numeric === down ? 'descending' : 'ascending');
    }));
  });
  var bar = el('div', null, 'table-tools');
  bar.appendChild(button('Download CSV', function () { download(table, name); }));
  table.parentNode.parentNode.insertBefore(bar, table.parentNode);
}
function csvCell(text, numeric) {
  if (numeric) { return String(text); }
  var formula = /^[=+\-@\t\r]/.test(text);
  return formula || /[",\r\n]/.test(text) ? '"' + (formula ? "'" : '') + text.replace(/"/g, '""') + '"' : text;
}
function download(table, name) {
  var lines = Array.prototype.map.call(table.rows, function (r, at) {
    return Array.prototype.map.call(r.cells, function (c, i) {
      var numeric = at > 0 && table.tHead.rows[0].cells[i] && table.tHead.rows[0].cells[i].classList.contains('num');
      return csvCell(numeric ? numberText(c) : c.textContent, numeric);
    }).join(',');
  });
  var link = el('a');
  link.href = URL.createObjectURL(new Blob([lines.join('\n') + '\n'], { type: 'text/csv' }));
  link.download = name + '.csv';
  document.body.appendChild(link); link.click(); link.remove();
}
