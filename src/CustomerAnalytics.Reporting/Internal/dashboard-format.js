// Formats, as the page's static figures are written (DashboardOptions.Culture, Currency, CurrencyDecimals), and the two
// element builders (text only through textContent). Part of the page's one script (DashboardWriter joins the files).
function iso(day) { return new Date(start + day * DAY).toISOString().slice(0, 10); }
function dayOf(text) { var t = Date.parse(text + 'T00:00:00Z'); return isNaN(t) ? null : Math.round((t - start) / DAY); }
function grouped(digits) { return digits.replace(/\B(?=(\d{3})+(?!\d))/g, data.group); }
function count(n) { return grouped(String(n)); }
function percent(rate) { return (rate * 100).toFixed(1).replace('.', data.point) + '%'; }
function money(units) {
  var minor = Math.round(Math.abs(units) / scale), text = String(minor);
  if (data.decimals > 0) {
    text = text.padStart(data.decimals + 1, '0');
    text = grouped(text.slice(0, -data.decimals)) + data.point + text.slice(-data.decimals);
  } else { text = grouped(text); }
  return (units < 0 && minor > 0 ? '-' : '') + data.symbol + text;
}
function compact(units) {
  var v = units / 10000, a = Math.abs(v), s = a >= 1e9 ? [1e9, 'B'] : a >= 1e6 ? [1e6, 'M'] : a >= 1e3 ? [1e3, 'K'] : [1, ''];
  return String(Math.round(v / s[0] * 100) / 100).replace('.', data.point) + s[1];
}

function el(name, text, className) {
  var node = document.createElement(name);
  if (text !== undefined && text !== null) { node.textContent = text; }
  if (className) { node.className = className; }
  return node;
}
function button(text, onClick) { var b = el('button', text); b.type = 'button'; b.addEventListener('click', onClick); return b; }
