// tradeguard dashboard: plain ES module, no build step. The access token lives in memory only.
const S = { token: null, refresh: null, user: null, role: null, ws: null, wsWanted: false, wsRetry: 0, wsWasUp: false,
  positions: new Map(), safety: null, prec: {}, inst: new Map(), chartGen: 0, chart: null, chartSymbol: null, chartMarket: 'spot', chartInterval: '1m', preview: null };
const $ = (sel, root = document) => root.querySelector(sel);
const ROLE_RANK = { viewer: 0, trader: 1, admin: 2 };
const can = role => ROLE_RANK[S.role] >= ROLE_RANK[role];

// ---------- numbers: kept as the server's exact decimal text, never through floating point ----------
function parseJson(text) {
  return JSON.parse(text, (k, v, ctx) => (typeof v === 'number' && ctx && ctx.source) ? ctx.source : v);
}
function decimals(s) { if (s == null) return 0; const t = String(s).replace(/0+$/, ''); const i = t.indexOf('.'); return i < 0 ? 0 : t.length - i - 1; }
// decimals seen in the data: only a fallback until the instrument's filters have arrived
function learn(symbol, kind, v) {
  if (v == null || !symbol) return; const p = (S.prec[symbol] ??= { price: 0, qty: 0 });
  p[kind] = Math.max(p[kind], decimals(v));
}
/** A decimal string rounded half away from zero to dp places, digit by digit. */
function roundDec(v, dp) {
  let s = String(v).trim(); const neg = s.startsWith('-'); if (neg || s.startsWith('+')) s = s.slice(1);
  let [i, f = ''] = s.split('.'); i = i.replace(/^0+(?=\d)/, '');
  if (f.length <= dp) return (neg ? '-' : '') + i + (dp ? '.' + f.padEnd(dp, '0') : '');
  const digits = (i + f.slice(0, dp)).split('').map(Number);
  if (f.charCodeAt(dp) >= 53) {
    let k = digits.length - 1;
    for (; k >= 0; k--) { if (digits[k] === 9) digits[k] = 0; else { digits[k]++; break; } }
    if (k < 0) digits.unshift(1);
  }
  const all = digits.join(''), ip = all.slice(0, all.length - dp) || '0', out = dp ? ip + '.' + all.slice(all.length - dp) : ip;
  return (neg && /[1-9]/.test(out) ? '-' : '') + out;
}
/** Grouped thousands and a real minus sign; dp pads (and with round, rounds) the fraction. */
function fmt(v, dp, round = false) {
  if (v == null || v === '') return '—';
  let s = round && dp != null ? roundDec(v, dp) : String(v); const neg = s.startsWith('-'); if (neg) s = s.slice(1);
  let [i, f = ''] = s.split('.');
  if (dp != null && !round) { f = f.replace(/0+$/, ''); if (f.length < dp) f = f.padEnd(dp, '0'); }
  i = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '−' : '') + i + (f ? '.' + f : '');
}
// the instrument's filters from /api/market/instrument: prices at the tick size, quantities at the step size
const STABLE = new Set(['USDT', 'USDC', 'FDUSD', 'BUSD', 'TUSD', 'DAI', 'USD']);
function instrumentOf(symbol, market = 'spot') {
  const key = market + ':' + symbol; let e = S.inst.get(key);
  if (!e) {
    e = { value: null, promise: null };
    e.promise = api('GET', `/api/market/instrument?symbol=${encodeURIComponent(symbol)}&market=${encodeURIComponent(market)}`)
      .then(v => { e.value = v; instrumentsChanged(); return v; })
      .catch(() => { setTimeout(() => { if (S.inst.get(key) === e) S.inst.delete(key); }, 30000); return null; }); // asked again later
    S.inst.set(key, e);
  }
  return e;
}
const inst = (symbol, market) => symbol ? instrumentOf(symbol, market || 'spot').value : null;
let instTimer = null;
function instrumentsChanged() {
  clearTimeout(instTimer);
  instTimer = setTimeout(() => { if (currentPage() === 'positions') drawPositions(); else if (['orders', 'signals'].includes(currentPage())) refreshData(); }, 50);
}
const priceDp = (sym, market) => inst(sym, market)?.price_decimals ?? S.prec[sym]?.price ?? 2;
const qtyDp = (sym, market) => inst(sym, market)?.quantity_decimals ?? S.prec[sym]?.qty ?? 0;
const quoteDp = (sym, market) => { const q = inst(sym, market)?.quote_asset; return q && !STABLE.has(q) ? 8 : 2; };
const exact = v => v == null ? '' : ` title="${esc(v)}"`;
/** A rule's limit or actual value, which may be money, a fraction or a count: at most 2 decimals from 1 up, 4 significant below. */
function compact(v) {
  if (v == null || v === '') return '—';
  const t = String(v), a = Math.abs(Number(t));
  if (!(a < 1) || a === 0) return fmt(t, Math.min(2, decimals(t)), true);
  const lead = -Math.floor(Math.log10(a)); // 0.0123 → 2
  return fmt(t, Math.min(decimals(t), lead + 3), true);
}
// prices are rounded to the tick (the exact value is the cell's title); quantities are never rounded, only padded
const px = (sym, v, market) => fmt(v, priceDp(sym, market), true);
const qty = (sym, v, market) => fmt(v, qtyDp(sym, market));
const money = (v, dp = 2) => fmt(v, dp, true);
/** Profit or loss: an arrow, a sign and a word besides the colour. */
function pnl(v, dp = 2) {
  if (v == null) return '<span>—</span>';
  const r = roundDec(v, dp), abs = r.replace(/^-/, '');
  if (/[1-9]/.test(abs) && !r.startsWith('-')) return `<span class="pos" title="${esc(v)}">▲ +${fmt(abs, dp)}<span class="word"> profit</span></span>`;
  if (/[1-9]/.test(abs)) return `<span class="neg" title="${esc(v)}">▼ −${fmt(abs, dp)}<span class="word"> loss</span></span>`;
  return `<span title="${esc(v)}">${fmt(abs, dp)}</span>`;
}
/** Profit or loss as plain text (toasts): arrow, sign, amount and word. */
function pnlText(v, dp = 2) {
  const r = roundDec(v, dp), abs = fmt(r.replace(/^-/, ''), dp);
  return !/[1-9]/.test(r) ? abs : r.startsWith('-') ? `▼ −${abs} loss` : `▲ +${abs} profit`;
}
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const when = t => t ? new Date(t).toLocaleString() : '—';
/** Today's times without the date. */
const shortWhen = t => { if (!t) return '—'; const d = new Date(t); return d.toDateString() === new Date().toDateString() ? d.toLocaleTimeString() : d.toLocaleString(); };
const localTimes = text => String(text).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, t => new Date(t).toLocaleString());
const items = body => Array.isArray(body) ? body : (body?.items ?? []);

// ---------- REST ----------
class ApiError extends Error {
  constructor(status, problem) { super(problem?.detail || `HTTP ${status}`); this.status = status; this.problem = problem || {}; }
}
async function api(method, path, body, retried = false) {
  const headers = { Accept: 'application/json' };
  if (S.token) headers.Authorization = 'Bearer ' + S.token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  const text = await r.text();
  const data = text ? parseJson(text) : null;
  if (r.status === 401 && S.refresh && !retried && !path.startsWith('/api/auth/')) {
    if (await refreshTokens()) return api(method, path, body, true);
  }
  if (!r.ok) {
    if (r.status === 401 && !path.startsWith('/api/auth/')) logout('Your session ended; sign in again.');
    throw new ApiError(r.status, data);
  }
  return data;
}
async function refreshTokens() {
  try {
    const r = await fetch('/api/auth/refresh', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refresh_token: S.refresh }) });
    if (!r.ok) return false;
    const d = parseJson(await r.text()); S.token = d.access_token; S.refresh = d.refresh_token; return true;
  } catch { return false; }
}
function problemHtml(e) {
  const p = e.problem || {};
  let h = `<p class="error" role="alert"><strong>${esc(p.title || 'Refused')}:</strong> ${esc(p.detail || e.message)}</p>`;
  if (p.violations?.length) h += '<ul class="violations">' + p.violations.map(v => `<li><strong>${esc(v.rule)}</strong>: ${esc(v.message)}${v.limit != null ? ` (limit ${esc(v.limit)}, actual ${esc(v.actual)})` : ''}</li>`).join('') + '</ul>';
  if (p.errors?.length) h += '<ul class="violations">' + p.errors.map(v => `<li><strong>${esc(v.field)}</strong>: ${esc(v.message)}</li>`).join('') + '</ul>';
  return h;
}

// ---------- toasts, dialogs ----------
function toast(text, kind = 'info', tag = '') {
  const el = document.createElement('div'); el.className = 'toast ' + kind; if (tag) el.dataset.tag = tag;
  const msg = document.createElement('span'); msg.textContent = text;
  const close = document.createElement('button'); close.type = 'button'; close.className = 'dismiss'; close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss notification'); close.addEventListener('click', () => el.remove());
  el.append(msg, close);
  $('#toasts').append(el); setTimeout(() => el.remove(), kind === 'bad' ? 12000 : 6000);
  const all = $('#toasts').children; while (all.length > 5) all[0].remove(); // the newest five stay readable
}
const untoast = tag => { for (const t of document.querySelectorAll(`#toasts [data-tag="${tag}"]`)) t.remove(); };
function confirmDialog(title, text, okLabel = 'Confirm') {
  const d = $('#confirm-dialog'); $('#confirm-title').textContent = title; $('#confirm-text').textContent = text;
  $('#confirm-ok').textContent = okLabel;
  return new Promise(res => { d.addEventListener('close', () => res(d.returnValue === 'ok'), { once: true }); d.returnValue = ''; d.showModal(); });
}

// ---------- login / logout ----------
$('#login-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  const err = $('#login-error'); err.textContent = '';
  const username = $('#login-user').value.trim(), password = $('#login-pass').value;
  if (!username || !password) { err.textContent = 'Enter your username and password.'; return; }
  try {
    const d = await api('POST', '/api/auth/login', { username, password });
    Object.assign(S, { token: d.access_token, refresh: d.refresh_token, user: d.username, role: String(d.role).toLowerCase() });
    $('#login-pass').value = '';
    $('#login-page').hidden = true; $('#top').hidden = false; $('#page').hidden = false;
    $('#who').textContent = `${S.user} (${S.role})`;
    connectFeed(); refreshSafety();
    if (!location.hash || location.hash === '#/login') location.hash = '#/overview'; else route();
  } catch (e) { err.textContent = e.problem?.detail || 'Sign-in failed.'; }
});
$('#logout').addEventListener('click', () => logout());
function logout(message) {
  Object.assign(S, { token: null, refresh: null, user: null, role: null, wsWanted: false });
  if (S.ws) S.ws.close(); S.ws = null; S.positions.clear();
  $('#top').hidden = true; $('#page').hidden = true; $('#page').innerHTML = ''; $('#login-page').hidden = false;
  $('#killbanner').hidden = true; $('#haltbanner').hidden = true;
  if (message) $('#login-error').textContent = message;
  $('#login-user').focus();
}

// ---------- feed ----------
const feedBadge = up => up ? '<span class="badge ok">✔ live</span>' : '<span class="badge bad">✖ down</span>';
function setConn(up, text) {
  const c = $('#conn'); c.className = 'conn ' + (up ? 'ok' : 'bad'); c.textContent = text; c.dataset.state = up ? 'up' : 'down';
  const b = $('#ov-feed'); if (b) b.innerHTML = feedBadge(up);
}
function connectFeed() {
  S.wsWanted = true;
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(`${proto}//${location.host}/ws?access_token=${encodeURIComponent(S.token)}`);
  S.ws = ws;
  ws.onopen = () => {
    S.wsRetry = 0; setConn(true, 'Feed: live');
    if (S.wsWasUp) { untoast('feed-lost'); toast('Connection restored: the live feed is back', 'ok'); route(); refreshSafety(); }
    S.wsWasUp = true;
  };
  ws.onmessage = m => { try { onEvent(parseJson(m.data)); } catch (e) { console.error(e); } };
  ws.onclose = () => {
    if (S.ws !== ws) return;
    setConn(false, 'Feed: disconnected');
    if (!S.wsWanted) return;
    if (S.wsRetry === 0 && S.wsWasUp) toast('Connection to the live feed lost; reconnecting…', 'bad', 'feed-lost');
    const delay = Math.min(15000, 500 * 2 ** S.wsRetry++);
    setTimeout(async () => { if (S.wsWanted && S.ws === ws) { await refreshTokens(); connectFeed(); } }, delay);
  };
}
function onEvent(ev) {
  const d = ev.data || {};
  switch (ev.type) {
    case 'OrderFilled': toast(`Filled: ${d.order.side} ${qty(d.order.symbol, d.order.filled_quantity, d.order.market)} ${d.order.symbol} @ ${px(d.order.symbol, d.order.avg_price ?? d.order.price, d.order.market)}`, 'ok'); refreshIf('orders', 'overview'); break;
    case 'OrderPartiallyFilled': toast(`Partially filled: ${d.order.symbol} ${d.order.filled_quantity}/${d.order.quantity}`); refreshIf('orders'); break;
    case 'OrderPlaced': case 'OrderCancelled': refreshIf('orders'); break;
    case 'OrderRejected': toast(`Order rejected: ${d.order?.symbol ?? ''} — ${d.reason}`, 'bad'); refreshIf('orders'); break;
    case 'PositionOpened': case 'PositionUpdated': upsertPosition(d.position); break;
    case 'PositionClosed': removePosition(d.trade); toast(`Position closed: ${d.trade.symbol}, realized P&L ${pnlText(d.trade.realized_pnl, quoteDp(d.trade.symbol, d.trade.market))}`, String(d.trade.realized_pnl).startsWith('-') ? 'bad' : 'ok'); refreshIf('orders', 'overview'); break;
    case 'BalanceUpdated': refreshIf('overview'); break;
    case 'KillSwitchTripped': toast(`Kill switch tripped: ${d.reason}`, 'bad'); refreshSafety(); break;
    case 'CircuitBreakerOpened': untoast('breaker'); toast(`Circuit breaker open: ${d.reason}`, 'bad', 'breaker'); refreshSafety(); break;
    case 'CircuitBreakerClosed': untoast('breaker'); toast('Circuit breaker closed: orders go out again', 'ok', 'breaker'); refreshSafety(); break;
    case 'EmergencyStop': toast('EMERGENCY STOP: trading halted', 'bad'); refreshSafety(); refreshIf('orders', 'positions', 'overview'); break;
    case 'ConnectionLost': toast(`Exchange connection lost (${d.connection}): ${d.reason}`, 'bad', 'xlost-' + d.connection); refreshIf('overview'); break;
    case 'ConnectionRestored': untoast('xlost-' + d.connection); toast(`Exchange connection restored (${d.connection})`, 'ok'); refreshIf('overview'); break;
    case 'ReconciliationCompleted': S.lastRecon = ev.time; refreshIf('overview'); break;
    case 'SignalReceived': toast(`Signal: ${d.signal.direction} ${d.signal.symbol}`); refreshIf('signals'); break;
  }
}
function currentPage() { return (location.hash.replace(/^#\//, '') || 'overview').split('?')[0]; }
function refreshIf(...pages) { if (pages.includes(currentPage())) renderSoon(); }
let renderTimer = null;
function renderSoon() { clearTimeout(renderTimer); renderTimer = setTimeout(() => refreshData(), 150); }

// ---------- safety banner ----------
async function refreshSafety() {
  if (!S.token) return;
  try { S.safety = await api('GET', '/api/trading-safety/status'); } catch { return; }
  const s = S.safety, kb = $('#killbanner'), hb = $('#haltbanner');
  if (s.kill_switch_active) {
    kb.innerHTML = `<span>⚠ Kill switch active — no new orders. Reason: <span id="kill-reason">${esc(s.kill_switch_reason)}</span></span>` +
      (can('admin') ? '<button type="button" id="kill-reset" class="danger">Reset kill switch</button>' : '<span class="hint">An admin must reset it.</span>');
    kb.hidden = false;
    $('#kill-reset')?.addEventListener('click', resetKillSwitch);
  } else { kb.hidden = true; kb.innerHTML = ''; }
  if (s.emergency_halt) {
    hb.innerHTML = '<span>⚠ Emergency halt — trading stopped.</span>' + (can('admin') ? '<button type="button" id="halt-reset" class="danger">Lift emergency halt</button>' : '');
    hb.hidden = false; $('#halt-reset')?.addEventListener('click', liftHalt);
  } else { hb.hidden = true; hb.innerHTML = ''; }
  if (currentPage() === 'overview') renderSoon();
}
async function resetKillSwitch() {
  if (!await confirmDialog('Reset the kill switch?', 'Trading resumes with the current limits.', 'Reset')) return;
  try { await api('POST', '/api/trading-safety/reset-kill-switch', {}); toast('Kill switch reset', 'ok'); } catch (e) { toast(`Reset refused: ${e.message}`, 'bad'); }
  refreshSafety();
}
async function liftHalt() {
  if (!await confirmDialog('Lift the emergency halt?', 'New orders will be accepted again.', 'Lift halt')) return;
  try { await api('POST', '/api/real-trading/emergency-stop/reset', {}); toast('Emergency halt lifted', 'ok'); } catch (e) { toast(`Refused: ${e.message}`, 'bad'); }
  refreshSafety();
}

// ---------- routing ----------
const PAGES = { overview: renderOverview, trade: renderTrade, positions: renderPositions, orders: renderOrders, signals: renderSignals, settings: renderSettings };
window.addEventListener('hashchange', route);
function route() {
  if (!S.token) return;
  const name = PAGES[currentPage()] ? currentPage() : 'overview';
  for (const a of document.querySelectorAll('nav a')) a.getAttribute('href') === '#/' + name ? a.setAttribute('aria-current', 'page') : a.removeAttribute('aria-current');
  if (S.chart) { S.chart.remove(); S.chart = null; }
  S.series = null; S.chartGen++; clearInterval(S.chartTimer);
  const page = $('#page'); page.innerHTML = ''; page.dataset.page = name;
  PAGES[name](page);
  // keyboard and screen-reader users land on the new page, not on the link they left
  if (document.activeElement?.closest('nav')) $('#main').focus({ preventScroll: true });
}
const refreshers = {};
function refreshData() { const f = refreshers[currentPage()]; if (f) f(); }

// ---------- overview ----------
function renderOverview(page) {
  page.innerHTML = `<h1>Overview</h1><div class="grid">
    <section class="card" aria-labelledby="eq-h"><h2 id="eq-h">Account</h2><div id="ov-account">Loading…</div></section>
    <section class="card" aria-labelledby="sf-h"><h2 id="sf-h">Safety</h2><div id="ov-safety">Loading…</div></section>
    <section class="card" aria-labelledby="cn-h"><h2 id="cn-h">Connections</h2><div id="ov-health">Loading…</div></section>
    </div><section class="card" aria-labelledby="bal-h"><h2 id="bal-h">Balances</h2><div id="ov-bal" class="table-wrap"></div></section>`;
  refreshers.overview = loadOverview; loadOverview();
}
async function loadOverview() {
  const [bal, pos, safety, health, status] = await Promise.all([
    api('GET', '/api/real-trading/balance'), api('GET', '/api/real-trading/positions'), api('GET', '/api/trading-safety/status'),
    fetch('/health').then(r => r.text()).then(parseJson).catch(() => null), api('GET', '/api/real-trading/status')]).catch(e => { toast(e.message, 'bad'); return []; });
  if (!bal || currentPage() !== 'overview') return;
  S.safety = safety;
  const list = items(bal); const positions = items(pos);
  let quote = 0; for (const b of list) if (b.asset === 'USDT' && b.market === 'spot') quote += Number(b.free) + Number(b.locked);
  let held = 0, unreal = 0; for (const p of positions) { unreal += Number(p.unrealized_pnl ?? 0); if (p.market === 'spot') held += Number(p.quantity) * Number(p.mark_price ?? p.entry_price); else quote += 0; }
  const futuresUnreal = positions.filter(p => p.market !== 'spot').reduce((a, p) => a + Number(p.unrealized_pnl ?? 0), 0);
  const equity = quote + held + futuresUnreal;
  $('#ov-account').innerHTML = `<dl class="kv">
    <dt>Equity (USDT)</dt><dd id="ov-equity">${money(equity.toFixed(2))}</dd>
    <dt>Today's realized P&L</dt><dd id="ov-daily">${pnl(safety.daily_pnl)}</dd>
    <dt>Unrealized P&L</dt><dd id="ov-unreal">${pnl(unreal.toFixed(2))}</dd>
    <dt>Trades today</dt><dd>${esc(safety.trades_today)}</dd>
    <dt>Open positions</dt><dd>${esc(status.open_positions)}</dd><dt>Open orders</dt><dd>${esc(status.open_orders)}</dd>
    <dt>Trading</dt><dd>${status.trading_enabled ? '<span class="badge ok">enabled</span>' : '<span class="badge bad">stopped</span>'} · ${esc(status.mode)} · ${esc(status.venue)}</dd></dl>
    <p class="hint">Equity = USDT balance + spot positions at mark + futures unrealized P&L.</p>`;
  const cfg = safety.configuration || {};
  const off = Object.entries(cfg).filter(([, v]) => v == null || Number(v) === 0).map(([k]) => k.replaceAll('_', ' '));
  $('#ov-safety').innerHTML = `<dl class="kv">
    <dt>Kill switch</dt><dd id="ov-kill">${safety.kill_switch_active ? `<span class="badge bad">✖ ACTIVE</span> ${esc(safety.kill_switch_reason)}` : '<span class="badge ok">✔ off</span>'}</dd>
    <dt>Circuit breaker</dt><dd id="ov-breaker">${safety.circuit_breaker === 'CLOSED' ? '<span class="badge ok">✔ closed</span>' : `<span class="badge bad">✖ ${esc(safety.circuit_breaker)}</span>`}</dd>
    <dt>Emergency halt</dt><dd>${safety.emergency_halt ? '<span class="badge bad">✖ HALTED</span>' : '<span class="badge ok">✔ no</span>'}</dd>
    <dt>Consecutive losses</dt><dd>${esc(safety.consecutive_losses)} / ${esc(cfg.max_consecutive_losses)}</dd>
    <dt>Limits off</dt><dd>${off.length ? `<span class="badge warn">⚠ ${esc(off.join(', '))}</span>` : 'none'}</dd>
    <dt>Last daily reset</dt><dd>${when(safety.last_reset)}</dd></dl>
    ${safety.kill_switch_active && can('admin') ? '<div class="row"><button type="button" id="ov-kill-reset" class="danger">Reset kill switch</button></div>' : ''}`;
  $('#ov-kill-reset')?.addEventListener('click', resetKillSwitch);
  const comps = health?.components || {};
  $('#ov-health').innerHTML = `<dl class="kv"><dt>Live feed (browser)</dt><dd id="ov-feed">${feedBadge(S.ws?.readyState === 1)}</dd>` +
    Object.entries(comps).map(([k, c]) => `<dt>${esc(k.replaceAll('_', ' '))}</dt><dd title="${esc(c.detail)}">${c.status === 'UP' ? '<span class="badge ok">✔ UP</span>' : `<span class="badge bad">✖ ${esc(c.status)}</span>`}${k === 'last_reconciliation' ? ' ' + esc(localTimes(c.detail ?? '')) : ''}</dd>`).join('') + '</dl>';
  $('#ov-bal').innerHTML = `<table><caption class="hint">Free and locked per asset</caption><thead><tr><th>Market</th><th>Asset</th><th class="num">Free</th><th class="num">Locked</th></tr></thead><tbody>` +
    list.map(b => { const dp = STABLE.has(b.asset) ? 2 : 8; return `<tr><td>${esc(b.market)}</td><td>${esc(b.asset)}</td><td class="num"${exact(b.free)}>${fmt(b.free, dp, true)}</td><td class="num"${exact(b.locked)}>${fmt(b.locked, dp, true)}</td></tr>`; }).join('') + '</tbody></table>';
}

// ---------- trade ----------
const ORDER_TYPES = { market: 'Market', limit: 'Limit', 'stop-loss': 'Stop-loss', 'take-profit': 'Take-profit', oco: 'OCO (spot)', 'trailing-stop': 'Trailing stop' };
// what each field of the preview is called on screen
const ORDER_LABELS = { order_type: 'Order type', symbol: 'Symbol', side: 'Side', market: 'Market', quantity: 'Quantity', quote_quantity: 'Quote amount',
  price: 'Limit price', stop_price: 'Stop price', stop_limit_price: 'Stop-limit price', trailing_delta: 'Trailing delta (BIPS)', callback_rate: 'Callback rate (%)',
  activation_price: 'Activation price', time_in_force: 'Time in force', leverage: 'Leverage', reduce_only: 'Reduce-only', client_order_id: 'Client order id',
  stop_loss: 'Stop-loss price (yours)', take_profit: 'Take-profit price (yours)', protection: 'Automatic stop-loss / take-profit' };
function renderTrade(page) {
  const fld = (key, id, label, extra = '') => `<div data-for="${key}"><label for="${id}">${label}</label><input id="${id}" name="${key}" inputmode="decimal" autocomplete="off" aria-describedby="${id}-hint" ${extra}><span class="hint" id="${id}-hint"></span></div>`;
  page.innerHTML = `<h1>Trade</h1><div class="grid trade">
  <form id="order-form" class="card" novalidate aria-labelledby="of-h"><h2 id="of-h">New order</h2>
    <div class="fields">
      <div><label for="f-symbol">Symbol</label><input id="f-symbol" name="symbol" list="symbols" value="BTCUSDT" autocomplete="off" required pattern="[A-Za-z0-9]{5,20}" aria-describedby="f-inst">
        <datalist id="symbols"><option>BTCUSDT</option><option>ETHUSDT</option><option>BNBUSDT</option><option>SOLUSDT</option></datalist></div>
      <div><label for="f-market">Market</label><select id="f-market" name="market"><option value="spot">Spot</option><option value="futures">Futures (USDⓈ-M)</option></select></div>
      <div><label for="f-type">Order type</label><select id="f-type" name="order_type">${Object.entries(ORDER_TYPES).map(([k, v]) => `<option value="${k}">${v}</option>`).join('')}</select></div>
    </div>
    <p class="hint" id="f-inst" aria-live="polite"></p>
    <fieldset><legend>Side</legend><div class="radios"><label class="check"><input type="radio" name="side" value="BUY" checked> Buy ▲</label><label class="check"><input type="radio" name="side" value="SELL"> Sell ▼</label></div></fieldset>
    <div class="fields">
      <div data-for="amount-mode"><label for="f-amount-mode">Amount in</label><select id="f-amount-mode"><option value="base">Quantity (base asset)</option><option value="quote">Quote amount (USDT)</option></select></div>
      ${fld('quantity', 'f-quantity', 'Quantity')}
      ${fld('quote_quantity', 'f-quote', 'Quote amount (USDT)')}
      ${fld('price', 'f-price', 'Limit price')}
      ${fld('stop_price', 'f-stop', 'Stop price')}
      ${fld('stop_limit_price', 'f-stop-limit', 'Stop-limit price (optional)')}
      <div data-for="trailing_delta"><label for="f-delta">Trailing delta (BIPS)</label><input id="f-delta" name="trailing_delta" inputmode="numeric" autocomplete="off" aria-describedby="f-delta-hint"><span class="hint" id="f-delta-hint">1 BIPS = 0.01 %; 100 = 1 %</span></div>
      ${fld('callback_rate', 'f-callback', 'Callback rate (%)')}
      ${fld('activation_price', 'f-activation', 'Activation price (optional)')}
      <div data-for="time_in_force"><label for="f-tif">Time in force</label><select id="f-tif" name="time_in_force" aria-describedby="f-tif-hint"><option value="GTC">GTC</option><option value="IOC">IOC</option><option value="FOK">FOK</option><option value="GTX" data-futures>GTX (post-only)</option></select><span class="hint" id="f-tif-hint"></span></div>
      <div data-for="leverage"><label for="f-leverage">Leverage (×)</label><input id="f-leverage" name="leverage" inputmode="numeric" autocomplete="off" placeholder="account setting" aria-describedby="f-leverage-hint"><span class="hint" id="f-leverage-hint">1 to 125; empty keeps the symbol's setting</span></div>
    </div>
    <div data-for="reduce_only"><label class="check"><input type="checkbox" id="f-reduce" name="reduce_only"> Reduce-only (never opens or grows a position)</label></div>
    <fieldset data-for="protection"><legend>Protection</legend>
      <label class="check"><input type="checkbox" id="f-protection" checked> Automatic stop-loss / take-profit after the entry fills</label>
      <div class="fields"><div><label for="f-sl">Stop-loss price (optional)</label><input id="f-sl" name="stop_loss" inputmode="decimal" autocomplete="off" aria-describedby="f-sl-hint"><span class="hint" id="f-sl-hint">empty = the configured default distance</span></div>
      <div><label for="f-tp">Take-profit price (optional)</label><input id="f-tp" name="take_profit" inputmode="decimal" autocomplete="off" aria-describedby="f-tp-hint"><span class="hint" id="f-tp-hint">empty = the configured default distance</span></div></div>
    </fieldset>
    <p id="form-error" class="error" role="alert"></p>
    <div class="row"><button type="submit" class="primary" id="preview-btn">Preview</button></div>
  </form>
  <section class="card" aria-labelledby="pv-h" aria-live="polite"><h2 id="pv-h">Preview</h2><div id="preview"><p class="hint">Preview an order to see exactly what will be sent, its fees and the risk verdict.</p></div></section>
  </div>`;
  const form = $('#order-form');
  const show = () => {
    const t = $('#f-type').value, fut = $('#f-market').value === 'futures', quote = t === 'market' && !fut && $('#f-amount-mode').value === 'quote';
    const hasPrice = $('#f-price').value.trim() !== '', reduce = fut && $('#f-reduce').checked;
    // exactly the fields each form uses (the service refuses any other: OrderRequestParser)
    const vis = { 'amount-mode': t === 'market' && !fut, quantity: !quote, quote_quantity: quote,
      price: t !== 'market' && !(t === 'trailing-stop' && fut), stop_price: ['stop-loss', 'take-profit', 'oco'].includes(t), stop_limit_price: t === 'oco',
      trailing_delta: t === 'trailing-stop' && !fut, callback_rate: t === 'trailing-stop' && fut, activation_price: t === 'trailing-stop' && fut,
      time_in_force: ['limit', 'oco'].includes(t) || (['stop-loss', 'take-profit'].includes(t) && hasPrice) || (t === 'trailing-stop' && !fut && hasPrice),
      leverage: fut, reduce_only: fut, protection: !reduce };
    for (const el of form.querySelectorAll('[data-for]')) el.hidden = !vis[el.dataset.for];
    $('#f-type option[value=oco]').disabled = fut; if (fut && t === 'oco') { $('#f-type').value = 'limit'; return show(); }
    $('#f-tif option[data-futures]').disabled = !fut;
    $('#f-tif-hint').textContent = { GTC: 'rests until filled or cancelled', IOC: 'fills what it can now, cancels the rest', FOK: 'fills completely now or not at all', GTX: 'only rests on the book, never takes' }[$('#f-tif').value] ?? ''; if (!fut && $('#f-tif').value === 'GTX') $('#f-tif').value = 'GTC';
    $('label[for=f-price]').textContent = ['limit', 'oco'].includes(t) ? (t === 'oco' ? 'Limit price (take-profit leg)' : 'Limit price') : 'Limit price (optional: empty = market when triggered)';
    $('label[for=f-stop]').textContent = t === 'oco' ? 'Stop price (stop-loss leg)' : 'Stop price (trigger)';
    const prot = $('#f-protection').checked; $('#f-sl').disabled = !prot; $('#f-tp').disabled = !prot;
  };
  let instTimer = null;
  const describe = () => {
    clearTimeout(instTimer);
    instTimer = setTimeout(async () => {
      if (!$('#f-symbol') || !$('#f-market')) return; // the trade page was left before the timer fired
      const sym = $('#f-symbol').value.trim().toUpperCase(), market = $('#f-market').value, out = $('#f-inst');
      if (!out || !/^[A-Z0-9]{5,20}$/.test(sym)) { if (out) out.textContent = ''; return; }
      const i = await instrumentOf(sym, market).promise;
      if (!$('#f-inst') || sym !== $('#f-symbol').value.trim().toUpperCase() || market !== $('#f-market').value) return;
      out.textContent = i ? `${sym} ${market}: prices in steps of ${i.tick_size} ${i.quote_asset}, quantities in steps of ${i.step_size} ${i.base_asset} (min ${i.min_quantity}), min order value ${i.min_notional} ${i.quote_asset}.`
        : `No instrument filters for ${sym} on ${market} (unknown symbol, or that market is not connected).`;
      $('label[for=f-quote]').textContent = `Quote amount (${i?.quote_asset ?? 'quote asset'})`;
    }, 250);
  };
  form.addEventListener('input', ev => { show(); clearPreview(); if (['f-symbol', 'f-market'].includes(ev.target.id)) describe(); });
  form.addEventListener('change', ev => { show(); clearPreview(); if (['f-symbol', 'f-market'].includes(ev.target.id)) describe(); });
  show(); describe();
  form.addEventListener('submit', async ev => { ev.preventDefault(); await doPreview(form); });
}
function clearPreview() { if (S.preview) { S.preview = null; $('#preview').innerHTML = '<p class="hint">The form changed: preview again.</p>'; } }
function orderBody(form) {
  const b = { order_type: $('#f-type').value, symbol: $('#f-symbol').value.trim().toUpperCase(), market: $('#f-market').value, side: form.side.value };
  const errs = [], shown = el => !el.closest('[data-for]').hidden && !el.disabled;
  if (!/^[A-Z0-9]{5,20}$/.test(b.symbol)) errs.push('Symbol: letters and digits, e.g. BTCUSDT.');
  if (b.order_type === 'oco' && b.market !== 'spot') errs.push('OCO orders exist on spot only.');
  for (const el of form.querySelectorAll('[data-for] input[inputmode]')) {
    if (!shown(el) || el.value.trim() === '') continue;
    const v = el.value.trim().replace(/,/g, ''), whole = el.inputMode === 'numeric';
    const label = $(`label[for=${el.id}]`).textContent.replace(/ \(.*\)$/, '');
    if (!(whole ? /^\d+$/ : /^\d+(\.\d+)?$/).test(v) || !/[1-9]/.test(v)) { errs.push(`${label}: ${whole ? 'a positive whole number' : 'a positive number'}.`); continue; }
    b[el.name] = whole ? Number(v) : v;
  }
  if (shown($('#f-tif'))) b.time_in_force = $('#f-tif').value;
  if (shown($('#f-reduce')) && $('#f-reduce').checked) b.reduce_only = true;
  // protection: false places no automatic SL/TP; stop_loss / take_profit override the automatic prices
  if (shown($('#f-protection'))) b.protection = $('#f-protection').checked;
  if (b.order_type === 'market' && !b.quantity && !b.quote_quantity) errs.push('Give a quantity or a quote amount.');
  if (b.order_type !== 'market' && !b.quantity) errs.push('Quantity: required.');
  if (['limit', 'oco'].includes(b.order_type) && !b.price) errs.push('Limit price: required.');
  if (['stop-loss', 'take-profit', 'oco'].includes(b.order_type) && !b.stop_price) errs.push('Stop price: required.');
  if (b.order_type === 'trailing-stop' && b.market === 'spot' && !b.trailing_delta) errs.push('Trailing delta: required.');
  if (b.order_type === 'trailing-stop' && b.market === 'futures' && !b.callback_rate) errs.push('Callback rate: required.');
  return { body: b, errs };
}
function orderValue(k, v) {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return esc(v);
}
async function doPreview(form) {
  const { body, errs } = orderBody(form); const err = $('#form-error'); err.textContent = errs.join(' ');
  if (errs.length) return;
  const out = $('#preview'); out.innerHTML = '<p>Previewing…</p>';
  try {
    const p = await api('POST', '/api/real-trading/order/preview', body);
    S.preview = p; const o = p.order, v = p.verdict;
    learn(o.symbol, 'price', o.price); learn(o.symbol, 'price', o.stop_price); learn(o.symbol, 'qty', o.quantity);
    const rows = Object.entries(o).map(([k, val]) => `<tr><th scope="row">${esc(ORDER_LABELS[k] ?? k.replaceAll('_', ' '))}</th><td class="num">${orderValue(k, val)}</td></tr>`).join('');
    const failed = v.rules.filter(r => !r.passed);
    out.innerHTML = `<div id="verdict" class="verdict ${v.approved ? 'pos' : 'neg'}" data-approved="${v.approved}">${v.approved ? '✔ Approved' : '✖ Rejected by risk rules'} — risk score ${esc(v.score)}/100</div>
      <h3>Order as it will be sent (rounded to the filters)</h3><table id="preview-order" class="kvtable"><tbody>${rows}</tbody></table>
      <p>Estimated fee: <strong id="preview-fee">${esc(p.fees.amount)} ${esc(p.fees.asset)}</strong> <span class="hint">(rate ${esc(p.fees.rate)})</span></p>
      <h3>Risk rules (${v.rules.length - failed.length} of ${v.rules.length} passed)</h3><div class="table-wrap"><table id="preview-rules" class="rules"><thead><tr><th scope="col">Rule</th><th scope="col">Result</th><th scope="col">Why</th><th scope="col" class="num">Actual / limit</th></tr></thead><tbody>` +
      v.rules.map(r => `<tr class="${r.passed ? '' : 'failed'}"><td class="rule">${esc(r.rule).replaceAll('_', '_<wbr>')}</td><td class="result">${r.passed ? '<span class="pos">✔ pass</span>' : '<span class="neg">✖ FAIL</span>'}</td><td class="why">${esc(r.message)}</td><td class="num" data-label="Actual / limit" title="actual ${esc(r.actual ?? '—')}, limit ${esc(r.limit ?? '—')}">${compact(r.actual)} / ${compact(r.limit)}</td></tr>`).join('') +
      `</tbody></table></div>` + (v.approved
        ? `<p class="hint">Token valid until ${when(p.confirmation_expires_at)}.</p><div class="row"><button type="button" id="confirm-btn" class="primary">Confirm ${esc(o.side)} ${esc(o.quantity ?? o.quote_quantity)} ${esc(o.symbol)}</button></div>`
        : `<div class="error" role="alert" id="reject-reason"><strong>Refused</strong> by ${failed.length} rule${failed.length > 1 ? 's' : ''}:<ul>${failed.map(r => `<li>${esc(r.message)}</li>`).join('')}</ul></div>`) + '<div id="place-result"></div>';
    $('#confirm-btn')?.addEventListener('click', doConfirm);
  } catch (e) { out.innerHTML = problemHtml(e); }
}
async function doConfirm() {
  const p = S.preview; if (!p) return;
  const btn = $('#confirm-btn'); btn.disabled = true;
  const res = $('#place-result');
  try {
    const placed = await api('POST', `/api/real-trading/order/${p.order.order_type}`, { ...p.order, confirmation_token: p.confirmation_token });
    S.preview = null;
    res.innerHTML = `<p class="pos" role="status" id="placed">✔ Placed order ${esc(placed.order_id)} — ${esc(placed.status)}</p>`;
    toast(`Order placed: ${placed.side} ${placed.quantity} ${placed.symbol} (${placed.status})`, 'ok');
  } catch (e) { res.innerHTML = problemHtml(e); S.preview = null; }
}

// ---------- positions ----------
// Rows arrive and leave live over /ws (PositionOpened/Updated/Closed). The feed has no price events, so marks,
// unrealized P&L and the guards' exit levels come from GET /positions every 2 s while the page is shown.
function upsertPosition(p) {
  learn(p.symbol, 'price', p.entry_price); learn(p.symbol, 'qty', p.quantity);
  const isNew = !S.positions.has(p.position_id), prev = S.positions.get(p.position_id);
  if (prev) {
    // the feed's position carries no mark and no exits: keep the last known ones until the next poll
    const same = prev.quantity === p.quantity && prev.entry_price === p.entry_price;
    p = { ...p, mark_price: p.mark_price ?? prev.mark_price, unrealized_pnl: p.unrealized_pnl ?? (same ? prev.unrealized_pnl : null),
      stop_loss: p.stop_loss ?? prev.stop_loss, take_profit: p.take_profit ?? prev.take_profit, trailing_stop: p.trailing_stop ?? prev.trailing_stop };
  }
  S.positions.set(p.position_id, p);
  if (currentPage() === 'positions') {
    drawPositions();
    if (isNew && !S.chartPinned && (S.chartSymbol !== p.symbol || S.chartMarket !== p.market)) selectChart(p.symbol, p.market); else if (S.chartSymbol === p.symbol) updateLines();
    if (isNew) loadPositions();
  }
}
function removePosition(trade) {
  S.positions.delete(trade.position_id);
  if (currentPage() === 'positions') { drawPositions(); updateLines(); }
}
const INTERVALS = ['1s', '1m', '5m', '15m', '1h', '4h', '1d'];
function renderPositions(page) {
  page.innerHTML = `<h1>Positions</h1><section class="card" aria-labelledby="pt-h"><h2 id="pt-h">Open positions <span class="hint">(live)</span></h2><div id="pos-table" class="table-wrap">Loading…</div>
    <p class="hint">Marks, unrealized P&L and the exit levels the guards watch refresh every 2 s. Prices are rounded to the tick size (hover for the exact value); sizes are exact.</p></section>
    <section class="card" aria-labelledby="ch-h"><h2 id="ch-h">Chart <span id="chart-symbol"></span></h2>
    <form id="chart-form" class="row" aria-label="Chart settings">
      <div><label for="c-symbol">Chart symbol</label><input id="c-symbol" list="chart-symbols" autocomplete="off" pattern="[A-Za-z0-9]{5,20}" value="${esc(S.chartSymbol ?? 'BTCUSDT')}"><datalist id="chart-symbols"><option>BTCUSDT</option><option>ETHUSDT</option><option>BNBUSDT</option><option>SOLUSDT</option></datalist></div>
      <div><label for="c-market">Chart market</label><select id="c-market"><option value="spot">Spot</option><option value="futures">Futures</option></select></div>
      <div><label for="c-interval">Candle interval</label><select id="c-interval">${INTERVALS.map(i => `<option${i === S.chartInterval ? ' selected' : ''}>${i}</option>`).join('')}</select></div>
      <button type="submit">Show chart</button></form>
    <p class="hint">Candles from the exchange's klines (times in UTC), the newest one updated every 2 s; lines mark the open position's entry, stop-loss, take-profit, trailing stop and, on futures, liquidation.</p>
    <p id="chart-error" class="error" role="alert"></p>
    <div id="chart" role="img" aria-label="Price chart" data-candles="0"></div><p id="chart-legend" class="hint"></p></section>`;
  S.chartPinned = false; S.chart = null; S.series = null;
  $('#chart-form').addEventListener('submit', ev => {
    ev.preventDefault(); const sym = $('#c-symbol').value.trim().toUpperCase();
    if (!/^[A-Z0-9]{5,20}$/.test(sym)) { $('#chart-error').textContent = 'Chart symbol: letters and digits, e.g. BTCUSDT.'; return; }
    S.chartPinned = true; S.chartInterval = $('#c-interval').value; selectChart(sym, $('#c-market').value);
  });
  $('#c-interval').addEventListener('change', () => { S.chartInterval = $('#c-interval').value; selectChart(S.chartSymbol ?? 'BTCUSDT', S.chartMarket); });
  refreshers.positions = loadPositions; S.chartSymbol = null; S.chartMarket = 'spot';
  loadPositions().then(() => { if (!S.chartSymbol && currentPage() === 'positions') selectChart('BTCUSDT', 'spot'); });
  clearInterval(S.markTimer);
  S.markTimer = setInterval(() => { if (currentPage() === 'positions' && S.token) loadPositions(); else clearInterval(S.markTimer); }, 2000);
}
async function loadPositions() {
  let fresh = [];
  try {
    const pos = await api('GET', '/api/real-trading/positions');
    const known = new Set(S.positions.keys());
    S.positions.clear();
    for (const p of items(pos)) { S.positions.set(p.position_id, p); learn(p.symbol, 'price', p.entry_price); learn(p.symbol, 'qty', p.quantity); }
    fresh = [...S.positions.values()].filter(p => !known.has(p.position_id));
  } catch (e) { if (e.status) toast(e.message, 'bad'); return; }
  if (currentPage() !== 'positions') return;
  drawPositions();
  // a position that just opened (seen here or on the feed, whichever came first) gets the chart unless the user chose one
  const show = fresh.at(-1) ?? (S.chartSymbol ? null : S.positions.values().next().value);
  if (show && !S.chartPinned && (S.chartSymbol !== show.symbol || S.chartMarket !== show.market)) selectChart(show.symbol, show.market); else updateLines();
}
function drawPositions() {
  const el = $('#pos-table'); if (!el) return;
  const list = [...S.positions.values()];
  if (!list.length) { el.innerHTML = '<p class="hint" id="no-positions">No open positions.</p>'; return; }
  el.innerHTML = `<table id="positions" class="cards"><caption class="sr">Open positions with entry, mark, size, unrealized profit or loss and exit levels</caption><thead><tr><th scope="col">Symbol</th><th scope="col">Side</th><th scope="col" class="num">Size</th><th scope="col" class="num">Entry</th><th scope="col" class="num">Mark</th><th scope="col" class="num">Unrealized P&L</th><th scope="col" class="num">Stop-loss</th><th scope="col" class="num">Take-profit</th><th scope="col" class="num">Trailing stop</th><th scope="col" class="num">Liq. price</th><th scope="col">Opened</th><th scope="col"><span class="sr">Actions</span></th></tr></thead><tbody>` +
    list.map(p => { const m = p.market, q = inst(p.symbol, m)?.quote_asset ?? 'USDT';
      return `<tr data-position="${esc(p.position_id)}" data-symbol="${esc(p.symbol)}"><th scope="row">${esc(p.symbol)} <span class="hint">${esc(m)}${m === 'futures' ? ' ' + esc(p.leverage) + '×' : ''}</span></th><td data-label="Side">${p.side === 'LONG' ? '▲ LONG' : '▼ SHORT'}</td>
      <td class="num size" data-label="Size"${exact(p.quantity)}>${qty(p.symbol, p.quantity, m)}</td><td class="num entry" data-label="Entry"${exact(p.entry_price)}>${px(p.symbol, p.entry_price, m)}</td><td class="num mark" data-label="Mark"${exact(p.mark_price)}>${px(p.symbol, p.mark_price, m)}</td>
      <td class="num upnl" data-label="Unrealized P&amp;L"><span>${pnl(p.unrealized_pnl, quoteDp(p.symbol, m))} <span class="hint">${esc(q)}</span></span></td>
      <td class="num sl" data-label="Stop-loss"${exact(p.stop_loss)}>${px(p.symbol, p.stop_loss, m)}</td><td class="num tp" data-label="Take-profit"${exact(p.take_profit)}>${px(p.symbol, p.take_profit, m)}</td><td class="num trail" data-label="Trailing stop"${exact(p.trailing_stop)}>${px(p.symbol, p.trailing_stop, m)}</td>
      <td class="num liq" data-label="Liq. price"${exact(p.liquidation_price)}>${m === 'futures' ? px(p.symbol, p.liquidation_price, m) : '<span aria-label="none on spot">—</span>'}</td><td data-label="Opened" title="${esc(when(p.opened_at))}">${shortWhen(p.opened_at)}</td>
      <td class="actions"><button type="button" data-chart="${esc(p.position_id)}" aria-label="Chart ${esc(p.symbol)}">Chart</button> <button type="button" class="danger" data-close="${esc(p.position_id)}" aria-label="Close ${esc(p.side)} ${esc(p.symbol)} position">Close</button></td></tr>`; }).join('') + '</tbody></table>';
  for (const b of el.querySelectorAll('[data-chart]')) b.addEventListener('click', () => { const p = S.positions.get(b.dataset.chart); if (p) { S.chartPinned = true; selectChart(p.symbol, p.market); } });
  for (const b of el.querySelectorAll('[data-close]')) b.addEventListener('click', () => closePosition(S.positions.get(b.dataset.close)));
}
async function closePosition(p) {
  if (!p) return;
  if (!await confirmDialog('Close position?', `Close the whole ${p.side} ${qty(p.symbol, p.quantity, p.market)} ${p.symbol} (${p.market}) position at market? Mark now ${px(p.symbol, p.mark_price, p.market)}, unrealized P&L ${p.unrealized_pnl == null ? '—' : pnlText(p.unrealized_pnl, quoteDp(p.symbol, p.market))}.`, 'Close at market')) return;
  try { await api('POST', `/api/real-trading/close/${encodeURIComponent(p.position_id)}`, {}); toast(`Closing ${p.symbol}…`); } catch (e) { toast(`Close refused: ${e.message}`, 'bad'); }
}

// ---------- chart: klines from GET /api/market/klines ----------
// Live updates poll the newest two klines every 2 s rather than building candles from ticks: the venue's klines
// carry the true high and low between polls, and the server caches them so many tabs cost the venue one call.
const toBar = k => ({ time: Math.floor(Date.parse(k.open_time) / 1000), open: Number(k.open), high: Number(k.high), low: Number(k.low), close: Number(k.close) });
async function selectChart(symbol, market = 'spot') {
  const el = $('#chart'); if (!el || !window.LightweightCharts) return;
  const gen = ++S.chartGen; clearInterval(S.chartTimer);
  S.chartSymbol = symbol; S.chartMarket = market;
  $('#c-symbol').value = symbol; $('#c-market').value = market; $('#c-interval').value = S.chartInterval;
  $('#chart-symbol').textContent = `${symbol} ${market} ${S.chartInterval}`; $('#chart-error').textContent = '';
  el.dataset.symbol = symbol; el.dataset.market = market; el.dataset.interval = S.chartInterval; el.dataset.state = 'loading';
  let list;
  try {
    const [bars] = await Promise.all([api('GET', `/api/market/klines?symbol=${encodeURIComponent(symbol)}&market=${market}&interval=${encodeURIComponent(S.chartInterval)}&limit=300`), instrumentOf(symbol, market).promise]);
    list = bars;
  } catch (e) {
    if (gen !== S.chartGen || !$('#chart')) return;
    if (S.chart) { S.chart.remove(); S.chart = null; S.series = null; }
    el.dataset.candles = 0; el.dataset.state = 'error';
    $('#chart-error').textContent = `No chart for ${symbol} (${market}): ${e.message}`; return;
  }
  if (gen !== S.chartGen || !$('#chart')) return;
  if (S.chart) S.chart.remove();
  const LC = window.LightweightCharts, dp = priceDp(symbol, market);
  S.chart = LC.createChart(el, { autoSize: true, layout: { background: { color: '#18202a' }, textColor: '#e8edf2' },
    grid: { vertLines: { color: '#243140' }, horzLines: { color: '#243140' } }, timeScale: { timeVisible: true, secondsVisible: S.chartInterval === '1s', maxBarSpacing: 24 } });
  S.series = S.chart.addSeries(LC.CandlestickSeries, { upColor: '#3ddc84', downColor: '#ff6b6b', borderVisible: false, wickUpColor: '#3ddc84', wickDownColor: '#ff6b6b',
    priceFormat: { type: 'price', precision: dp, minMove: Number('1e-' + dp) }, autoscaleInfoProvider: original => withLevels(original()) });
  const bars = list.map(toBar);
  S.series.setData(bars);
  if (bars.length) S.chart.timeScale().fitContent();
  S.barCount = bars.length; S.lastBarTime = bars.length ? bars[bars.length - 1].time : 0; S.chartUpdates = 0;
  el.dataset.loaded = bars.length; el.dataset.candles = bars.length; el.dataset.state = 'ready'; el.dataset.updates = 0;
  el.setAttribute('aria-label', `${symbol} ${market} price chart, ${bars.length} ${S.chartInterval} candles` + (bars.length ? `, last close ${px(symbol, list[list.length - 1].close, market)}` : ''));
  if (!bars.length) $('#chart-error').textContent = `The exchange has no ${S.chartInterval} klines for ${symbol} yet.`;
  S.lines = []; updateLines();
  S.chartTimer = setInterval(() => pollChart(gen), 2000);
}
async function pollChart(gen) {
  if (currentPage() !== 'positions' || !S.token || gen !== S.chartGen) { if (gen === S.chartGen) clearInterval(S.chartTimer); return; }
  let list;
  try { list = await api('GET', `/api/market/klines?symbol=${encodeURIComponent(S.chartSymbol)}&market=${S.chartMarket}&interval=${encodeURIComponent(S.chartInterval)}&limit=2`); }
  catch { return; } // the next poll tries again; a lost connection has its own toast
  if (gen !== S.chartGen || !S.series) return;
  for (const bar of list.map(toBar)) {
    if (bar.time < S.lastBarTime) continue;
    if (bar.time > S.lastBarTime) { S.barCount++; S.lastBarTime = bar.time; }
    S.series.update(bar);
  }
  const el = $('#chart'); el.dataset.candles = S.barCount; el.dataset.updates = ++S.chartUpdates;
}
/** The price range to show: the candles' and the exit levels', so a stop far below the price is still on screen. */
function withLevels(range) {
  const lv = S.levelValues ?? []; if (!lv.length) return range;
  const lo = Math.min(...lv), hi = Math.max(...lv);
  if (!range?.priceRange) return { priceRange: { minValue: lo, maxValue: hi } };
  return { ...range, priceRange: { minValue: Math.min(range.priceRange.minValue, lo), maxValue: Math.max(range.priceRange.maxValue, hi) } };
}
function updateLines() {
  if (!S.chart || !S.series) return;
  for (const l of S.lines ?? []) S.series.removePriceLine(l);
  S.lines = []; const levels = [];
  for (const p of S.positions.values()) if (p.symbol === S.chartSymbol && p.market === S.chartMarket) {
    levels.push(['Entry', p.entry_price, '#5aa9ff', 0]);
    if (p.stop_loss) levels.push(['SL', p.stop_loss, '#ff6b6b', 2]);
    if (p.take_profit) levels.push(['TP', p.take_profit, '#3ddc84', 2]);
    if (p.trailing_stop) levels.push(['Trailing', p.trailing_stop, '#ffcc4d', 1]);
    if (p.liquidation_price) levels.push(['Liq.', p.liquidation_price, '#ff9b3d', 3]);
  }
  // the liquidation level may lie far away: drawn when in view, but it does not stretch the scale
  S.levelValues = levels.filter(l => l[0] !== 'Liq.').map(l => Number(l[1]));
  for (const [title, price, color, lineStyle] of levels) S.lines.push(S.series.createPriceLine({ price: Number(price), color, lineWidth: 2, lineStyle, axisLabelVisible: true, title }));
  $('#chart').dataset.lines = levels.map(l => l[0]).join(',');
  $('#chart-legend').textContent = levels.length ? 'Lines: ' + levels.map(([t, v]) => `${t} ${px(S.chartSymbol, v, S.chartMarket)}`).join(' · ') : 'No open position in this symbol: no levels to draw.';
}

// ---------- orders ----------
function renderOrders(page) {
  page.innerHTML = `<h1>Orders</h1>
  <section class="card" aria-labelledby="oo-h"><h2 id="oo-h">Open orders</h2><div id="open-orders" class="table-wrap">Loading…</div></section>
  <section class="card" aria-labelledby="oh-h"><h2 id="oh-h">Order history</h2>
    <form id="hist-filter" class="row" role="search"><div><label for="h-symbol">Symbol</label><input id="h-symbol" placeholder="all"></div>
    <div><label for="h-market">Market</label><select id="h-market"><option value="">all</option><option value="spot">spot</option><option value="futures">futures</option></select></div>
    <div><label for="h-size">Per page</label><select id="h-size"><option>10</option><option selected>25</option><option>50</option></select></div><button type="submit">Filter</button></form>
    <div id="order-history" class="table-wrap"></div><div class="pager" id="hist-pager"></div></section>
  <section class="card" aria-labelledby="tr-h"><h2 id="tr-h">Closed trades (realized P&L)</h2><div id="trades" class="table-wrap"></div><div class="pager" id="trades-pager"></div></section>`;
  S.histPage = 0; S.tradesPage = 0;
  $('#hist-filter').addEventListener('submit', ev => { ev.preventDefault(); S.histPage = 0; S.tradesPage = 0; loadOrders(); });
  refreshers.orders = loadOrders; loadOrders();
}
function filterQuery() {
  const q = new URLSearchParams(); const sym = $('#h-symbol').value.trim().toUpperCase(), m = $('#h-market').value;
  if (sym) q.set('symbol', sym); if (m) q.set('market', m); return q;
}
function fees(o) {
  const by = {}; for (const f of o.fills ?? []) by[f.commission_asset] = (by[f.commission_asset] ?? 0) + Number(f.commission);
  return Object.entries(by).map(([a, v]) => `${fmt(String(+v.toPrecision(12)))} ${esc(a)}`).join(' + ') || '—';
}
function orderRow(o, open) {
  learn(o.symbol, 'price', o.price); learn(o.symbol, 'qty', o.quantity);
  const fills = (o.fills ?? []).length ? `<details><summary>${o.fills.length} fill${o.fills.length > 1 ? 's' : ''}</summary>${o.fills.map(f => `${qty(o.symbol, f.quantity, o.market)} @ ${px(o.symbol, f.price, o.market)} (fee ${esc(f.commission)} ${esc(f.commission_asset)})`).join('<br>')}</details>` : '—';
  return `<tr data-order="${esc(o.order_id)}"><td data-label="Created">${when(o.created_at)}</td><td data-label="Symbol">${esc(o.symbol)}</td><td data-label="Market">${esc(o.market)}</td><td data-label="Side">${o.side === 'BUY' ? '▲ BUY' : '▼ SELL'}</td><td data-label="Type">${esc(o.order_type)}</td><td class="status" data-label="Status">${esc(o.status)}</td>
    <td class="num" data-label="Qty">${qty(o.symbol, o.quantity, o.market)}</td><td class="num" data-label="Filled">${qty(o.symbol, o.filled_quantity, o.market)}</td><td class="num" data-label="Price"${exact(o.price)}>${px(o.symbol, o.price, o.market)}</td><td class="num" data-label="Avg price"${exact(o.avg_price)}>${px(o.symbol, o.avg_price, o.market)}</td><td class="num" data-label="Fees">${fees(o)}</td><td data-label="Fills">${fills}</td><td data-label="Origin">${esc(o.origin)}</td>
    ${open ? `<td class="actions"><button type="button" class="danger" data-cancel="${esc(o.order_id)}" aria-label="Cancel order ${esc(o.order_id)} ${esc(o.side)} ${esc(o.quantity)} ${esc(o.symbol)}">Cancel</button></td>` : ''}</tr>`;
}
const ORDER_HEAD = open => `<thead><tr><th>Created</th><th>Symbol</th><th>Market</th><th>Side</th><th>Type</th><th>Status</th><th class="num">Qty</th><th class="num">Filled</th><th class="num">Price</th><th class="num">Avg price</th><th class="num">Fees</th><th>Fills</th><th>Origin</th>${open ? '<th>Action</th>' : ''}</tr></thead>`;
function pager(el, page, size, total, go) {
  const pages = Math.max(1, Math.ceil(Number(total) / size));
  el.innerHTML = `<button type="button" data-p="-1" ${page <= 0 ? 'disabled' : ''}>‹ Previous</button><span>Page ${page + 1} of ${pages} (${esc(total)})</span><button type="button" data-p="1" ${page + 1 >= pages ? 'disabled' : ''}>Next ›</button>`;
  for (const b of el.querySelectorAll('button')) b.addEventListener('click', () => go(page + Number(b.dataset.p)));
}
async function loadOrders() {
  const q = filterQuery(), size = Number($('#h-size').value);
  try {
    const [open, hist, trades] = await Promise.all([
      api('GET', '/api/real-trading/orders?status=open&size=200'),
      api('GET', `/api/real-trading/orders?status=closed&page=${S.histPage}&size=${size}&${q}`),
      api('GET', `/api/real-trading/trades?page=${S.tradesPage}&size=${size}&${q}`)]);
    if (currentPage() !== 'orders') return;
    const ol = items(open);
    $('#open-orders').innerHTML = ol.length ? `<table id="open-orders-table" class="cards">${ORDER_HEAD(true)}<tbody>${ol.map(o => orderRow(o, true)).join('')}</tbody></table>` : '<p class="hint" id="no-open-orders">No open orders.</p>';
    for (const b of $('#open-orders').querySelectorAll('[data-cancel]')) b.addEventListener('click', () => cancelOrder(b.dataset.cancel, b));
    const hl = items(hist);
    $('#order-history').innerHTML = hl.length ? `<table id="history-table" class="cards">${ORDER_HEAD(false)}<tbody>${hl.map(o => orderRow(o, false)).join('')}</tbody></table>` : '<p class="hint">No orders match.</p>';
    pager($('#hist-pager'), S.histPage, size, hist.total, p => { S.histPage = p; loadOrders(); });
    const tl = items(trades);
    $('#trades').innerHTML = tl.length ? `<table id="trades-table" class="cards"><thead><tr><th>Closed</th><th>Symbol</th><th>Side</th><th class="num">Qty</th><th class="num">Entry</th><th class="num">Exit</th><th class="num">Fees</th><th class="num">Funding</th><th class="num">Realized P&L</th><th class="num">Return</th><th>Exit reason</th></tr></thead><tbody>` +
      tl.map(t => `<tr><td data-label="Closed">${when(t.closed_at)}</td><td data-label="Symbol">${esc(t.symbol)}</td><td data-label="Side">${t.side === 'LONG' ? '▲ LONG' : '▼ SHORT'}</td><td class="num" data-label="Qty">${qty(t.symbol, t.quantity, t.market)}</td><td class="num" data-label="Entry"${exact(t.entry_price)}>${px(t.symbol, t.entry_price, t.market)}</td><td class="num" data-label="Exit"${exact(t.exit_price)}>${px(t.symbol, t.exit_price, t.market)}</td><td class="num" data-label="Fees"${exact(t.fees)}>${money(t.fees, quoteDp(t.symbol, t.market))}</td><td class="num" data-label="Funding"${exact(t.funding)}>${money(t.funding, quoteDp(t.symbol, t.market))}</td><td class="num" data-label="Realized P&amp;L">${pnl(t.realized_pnl, quoteDp(t.symbol, t.market))}</td><td class="num" data-label="Return">${t.pnl_ratio == null ? '—' : `<span>${pnl((Number(t.pnl_ratio) * 100).toFixed(2))} %</span>`}</td><td data-label="Exit reason">${esc(t.exit_reason)}</td></tr>`).join('') + '</tbody></table>' : '<p class="hint">No closed trades yet.</p>';
    pager($('#trades-pager'), S.tradesPage, size, trades.total ?? tl.length, p => { S.tradesPage = p; loadOrders(); });
  } catch (e) { toast(e.message, 'bad'); }
}
async function cancelOrder(id, btn) {
  btn.disabled = true;
  try { await api('DELETE', `/api/real-trading/order/${encodeURIComponent(id)}`); toast(`Order ${id} cancelled`, 'ok'); } catch (e) { toast(`Cancel refused: ${e.message}`, 'bad'); btn.disabled = false; }
  loadOrders();
}

// ---------- signals & manual trades ----------
function renderSignals(page) {
  page.innerHTML = `<h1>Signals and manual trades</h1><section class="card" aria-labelledby="sg-h"><h2 id="sg-h">Recent signals and decisions</h2><div id="signals" class="table-wrap">Loading…</div></section>
    <section class="card" aria-labelledby="mt-h"><h2 id="mt-h">Manual trades detected on the exchange</h2><div id="manual" class="table-wrap"></div></section>`;
  refreshers.signals = loadSignals; loadSignals();
}
async function loadSignals() {
  try {
    const [sig, man] = await Promise.all([api('GET', '/api/signals?limit=100'), api('GET', '/api/real-trading/manual-trades')]);
    const sl = items(sig), ml = Array.isArray(man) ? man : (man?.orders ?? []), lr = man?.learning_records ?? [];
    $('#signals').innerHTML = sl.length ? `<table><thead><tr><th>Time</th><th>Symbol</th><th>Direction</th><th class="num">Confidence</th><th class="num">Entry</th><th class="num">SL</th><th class="num">TP</th><th>Strategy / source</th><th>Decision</th><th>Why</th><th>Order</th></tr></thead><tbody>` +
      sl.map(d => { const s = d.signal; return `<tr><td>${when(d.decided_at)}</td><td>${esc(s.symbol)} ${esc(s.market)}</td><td>${s.direction === 'LONG' ? '▲ LONG' : s.direction === 'SHORT' ? '▼ SHORT' : esc(s.direction)}</td><td class="num">${esc(s.confidence)}</td><td class="num">${px(s.symbol, s.entry, s.market)}</td><td class="num">${px(s.symbol, s.stop_loss, s.market)}</td><td class="num">${px(s.symbol, s.take_profit, s.market)}</td><td>${esc(s.strategy ?? '')} / ${esc(s.source ?? '')}</td><td>${d.decision === 'accepted' ? '✔ accepted' : d.decision === 'rejected' ? '✖ rejected' : '– ' + esc(d.decision)}</td><td>${esc(d.reason)}</td><td>${esc(d.order_id ?? '—')}</td></tr>`; }).join('') + '</tbody></table>' : '<p class="hint">No signals yet.</p>';
    $('#manual').innerHTML = ml.length ? `<table><thead><tr><th>Detected</th><th>Order</th><th>Symbol</th><th>Side</th><th class="num">Qty</th><th class="num">Price</th><th>Position</th><th class="num">Realized P&L</th></tr></thead><tbody>` +
      ml.map(m => `<tr><td>${when(m.detected_at)}</td><td>${esc(m.order_id)}</td><td>${esc(m.symbol)} ${esc(m.market)}</td><td>${m.side === 'BUY' ? '▲ BUY' : '▼ SELL'}</td><td class="num">${qty(m.symbol, m.quantity, m.market)}</td><td class="num">${px(m.symbol, m.price, m.market)}</td><td>${esc(m.matched_position_id ?? '—')}</td><td class="num">${pnl(m.realized_pnl)}</td></tr>`).join('') + '</tbody></table>' : '<p class="hint">No manual trades detected.</p>';
    $('#manual').insertAdjacentHTML('beforeend', `<p class="hint">Learning records: ${lr.length} (detected ${esc(man?.detected ?? 0)}, matched ${esc(man?.matched ?? 0)}, unmatched ${esc(man?.unmatched ?? 0)}) — export <a href="#" data-export="jsonl">JSONL</a> / <a href="#" data-export="csv">CSV</a> through the API: GET /api/real-trading/manual-trades/export?format=jsonl|csv</p>`);
  } catch (e) { toast(e.message, 'bad'); }
}

// ---------- settings ----------
const LIMITS = [
  ['max_position_size_pct', 'Max position size', 'fraction of equity, e.g. 0.1 = 10 %', 'fraction'],
  ['daily_loss_limit_pct', 'Daily loss limit', 'fraction of equity, e.g. 0.05 = 5 %', 'fraction'],
  ['max_consecutive_losses', 'Max consecutive losses', 'whole number; trips the kill switch', 'int'],
  ['min_account_balance', 'Minimum account balance (USDT)', 'no new orders below this', 'amount'],
  ['max_slippage_pct', 'Max slippage', 'fraction, e.g. 0.005 = 0.5 %', 'fraction'],
  ['max_portfolio_heat', 'Max portfolio heat', 'fraction of equity at risk across positions', 'fraction']];
function renderSettings(page) {
  const admin = can('admin');
  page.innerHTML = `<h1>Settings</h1><form id="limits-form" class="card" novalidate aria-labelledby="lim-h"><h2 id="lim-h">Risk limits</h2>
    ${admin ? '' : '<p class="hint">Only an admin can change limits.</p>'}<div class="fields">` +
    LIMITS.map(([k, label, hint]) => `<div><label for="l-${k}">${label}</label><input id="l-${k}" name="${k}" inputmode="decimal" ${admin ? '' : 'disabled'} aria-describedby="h-${k} e-${k}"><span class="hint" id="h-${k}">${hint}</span><p class="error" id="e-${k}"></p></div>`).join('') +
    `</div><div class="row"><button type="submit" class="primary" ${admin ? '' : 'disabled'}>Save limits</button></div><p id="limits-result" role="status"></p></form>
    <section class="card" aria-labelledby="adm-h"><h2 id="adm-h">Administration</h2>
      <div class="row"><div><label for="mode">Trading mode</label><select id="mode" ${admin ? '' : 'disabled'}><option value="manual">manual</option><option value="auto">auto</option><option value="hybrid">hybrid</option></select></div>
      <button type="button" id="mode-save" ${admin ? '' : 'disabled'}>Set mode</button></div>
      <div class="row"><button type="button" id="emergency" class="danger" ${can('trader') ? '' : 'disabled'}>Emergency stop: cancel all, flatten all, halt</button></div></section>`;
  refreshers.settings = null;
  api('GET', '/api/trading-safety/configuration').then(cfg => { for (const [k] of LIMITS) { const el = $(`#l-${k}`); if (el) el.value = cfg[k] ?? ''; } }).catch(e => toast(e.message, 'bad'));
  api('GET', '/api/real-trading/mode').then(m => { $('#mode').value = m.mode ?? m; }).catch(() => {});
  $('#limits-form').addEventListener('submit', async ev => {
    ev.preventDefault(); const patch = {}; let bad = false;
    for (const [k, , , kind] of LIMITS) {
      const el = $(`#l-${k}`), e = $(`#e-${k}`), v = el.value.trim(); e.textContent = ''; el.removeAttribute('aria-invalid');
      let msg = '';
      if (v === '') msg = 'Required.';
      else if (kind === 'int' && !/^\d+$/.test(v)) msg = 'A whole number, 0 or more.';
      else if (kind !== 'int' && !/^\d+(\.\d+)?$/.test(v)) msg = 'A number, 0 or more.';
      else if (kind === 'fraction' && Number(v) > 1) msg = 'A fraction between 0 and 1 (0.05 = 5 %).';
      if (msg) { e.textContent = msg; el.setAttribute('aria-invalid', 'true'); bad = true; } else patch[k] = kind === 'int' ? Number(v) : v;
    }
    if (bad) return;
    try { await api('PATCH', '/api/trading-safety/configuration', patch); $('#limits-result').textContent = '✔ Limits saved.'; toast('Risk limits saved', 'ok'); refreshSafety(); }
    catch (err) {
      $('#limits-result').innerHTML = problemHtml(err);
      for (const fe of err.problem?.errors ?? []) { const e = $(`#e-${fe.field}`); if (e) e.textContent = fe.message; }
    }
  });
  $('#mode-save').addEventListener('click', async () => { try { await api('POST', '/api/real-trading/mode', { mode: $('#mode').value }); toast(`Mode set to ${$('#mode').value}`, 'ok'); } catch (e) { toast(e.message, 'bad'); } });
  $('#emergency').addEventListener('click', async () => {
    if (!await confirmDialog('EMERGENCY STOP?', 'Cancels every open order, closes every position at market and halts trading until an admin lifts the halt.', 'Stop everything')) return;
    try { await api('POST', '/api/real-trading/emergency-stop', { reason: `emergency stop from the dashboard by ${S.user}` }); } catch (e) { toast(e.message, 'bad'); }
    refreshSafety();
  });
}

$('#login-user').focus();
