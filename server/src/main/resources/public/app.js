// tradeguard dashboard: plain ES module, no build step. The access token lives in memory only.
const S = { token: null, refresh: null, user: null, role: null, ws: null, wsWanted: false, wsRetry: 0, wsWasUp: false,
  positions: new Map(), safety: null, prec: {}, candles: new Map(), chart: null, chartSymbol: null, preview: null };
const $ = (sel, root = document) => root.querySelector(sel);
const ROLE_RANK = { viewer: 0, trader: 1, admin: 2 };
const can = role => ROLE_RANK[S.role] >= ROLE_RANK[role];

// ---------- numbers: kept as the server's exact decimal text ----------
function parseJson(text) {
  return JSON.parse(text, (k, v, ctx) => (typeof v === 'number' && ctx && ctx.source) ? ctx.source : v);
}
function decimals(s) { if (s == null) return 0; const t = String(s).replace(/0+$/, ''); const i = t.indexOf('.'); return i < 0 ? 0 : t.length - i - 1; }
function learn(symbol, kind, v) {
  if (v == null || !symbol) return; const p = (S.prec[symbol] ??= { price: 0, qty: 0 });
  p[kind] = Math.max(p[kind], decimals(v));
}
function fmt(v, dp) {
  if (v == null || v === '') return '—';
  let s = String(v); let neg = s.startsWith('-'); if (neg) s = s.slice(1);
  let [i, f = ''] = s.split('.');
  if (dp != null) { f = f.replace(/0+$/, ''); if (f.length < dp) f = f.padEnd(dp, '0'); }
  i = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '−' : '') + i + (f ? '.' + f : '');
}
const px = (sym, v) => fmt(v, S.prec[sym]?.price ?? 2);
const qty = (sym, v) => fmt(v, S.prec[sym]?.qty ?? 0);
const money = v => fmt(v, 2);
function pnl(v, dp = 2) {
  if (v == null) return '<span>—</span>';
  const n = Number(v); const abs = String(v).replace(/^-/, '');
  if (n > 0) return `<span class="pos">▲ +${fmt(abs, dp)}</span>`;
  if (n < 0) return `<span class="neg">▼ −${fmt(abs, dp)}</span>`;
  return `<span>${fmt(abs, dp)}</span>`;
}
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const when = t => t ? new Date(t).toLocaleString() : '—';
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
function toast(text, kind = 'info') {
  const el = document.createElement('div'); el.className = 'toast ' + kind; el.textContent = text;
  $('#toasts').append(el); setTimeout(() => el.remove(), kind === 'bad' ? 12000 : 6000);
}
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
function setConn(up, text) { const c = $('#conn'); c.className = 'conn ' + (up ? 'ok' : 'bad'); c.textContent = text; c.dataset.state = up ? 'up' : 'down'; }
function connectFeed() {
  S.wsWanted = true;
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(`${proto}//${location.host}/ws?access_token=${encodeURIComponent(S.token)}`);
  S.ws = ws;
  ws.onopen = () => {
    S.wsRetry = 0; setConn(true, 'Feed: live');
    if (S.wsWasUp) { toast('Connection restored', 'ok'); route(); refreshSafety(); }
    S.wsWasUp = true;
  };
  ws.onmessage = m => { try { onEvent(parseJson(m.data)); } catch (e) { console.error(e); } };
  ws.onclose = () => {
    if (S.ws !== ws) return;
    setConn(false, 'Feed: disconnected');
    if (!S.wsWanted) return;
    if (S.wsRetry === 0 && S.wsWasUp) toast('Connection to the live feed lost; reconnecting…', 'bad');
    const delay = Math.min(15000, 500 * 2 ** S.wsRetry++);
    setTimeout(async () => { if (S.wsWanted && S.ws === ws) { await refreshTokens(); connectFeed(); } }, delay);
  };
}
function onEvent(ev) {
  const d = ev.data || {};
  switch (ev.type) {
    case 'OrderFilled': toast(`Filled: ${d.order.side} ${d.order.filled_quantity} ${d.order.symbol} @ ${d.order.avg_price ?? d.order.price}`, 'ok'); refreshIf('orders', 'overview'); break;
    case 'OrderPartiallyFilled': toast(`Partially filled: ${d.order.symbol} ${d.order.filled_quantity}/${d.order.quantity}`); refreshIf('orders'); break;
    case 'OrderPlaced': case 'OrderCancelled': refreshIf('orders'); break;
    case 'OrderRejected': toast(`Order rejected: ${d.order?.symbol ?? ''} — ${d.reason}`, 'bad'); refreshIf('orders'); break;
    case 'PositionOpened': case 'PositionUpdated': upsertPosition(d.position); break;
    case 'PositionClosed': removePosition(d.trade); toast(`Position closed: ${d.trade.symbol}, realized P&L ${d.trade.realized_pnl}`, Number(d.trade.realized_pnl) < 0 ? 'bad' : 'ok'); refreshIf('orders', 'overview'); break;
    case 'BalanceUpdated': refreshIf('overview'); break;
    case 'KillSwitchTripped': toast(`Kill switch tripped: ${d.reason}`, 'bad'); refreshSafety(); break;
    case 'CircuitBreakerOpened': toast(`Circuit breaker open: ${d.reason}`, 'bad'); refreshSafety(); break;
    case 'CircuitBreakerClosed': toast('Circuit breaker closed', 'ok'); refreshSafety(); break;
    case 'EmergencyStop': toast('EMERGENCY STOP: trading halted', 'bad'); refreshSafety(); refreshIf('orders', 'positions', 'overview'); break;
    case 'ConnectionLost': toast(`Exchange connection lost (${d.connection}): ${d.reason}`, 'bad'); refreshIf('overview'); break;
    case 'ConnectionRestored': toast(`Exchange connection restored (${d.connection})`, 'ok'); refreshIf('overview'); break;
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
    kb.innerHTML = `<span>⛔ Kill switch active — no new orders. Reason: <span id="kill-reason">${esc(s.kill_switch_reason)}</span></span>` +
      (can('admin') ? '<button type="button" id="kill-reset" class="danger">Reset kill switch</button>' : '<span class="hint">An admin must reset it.</span>');
    kb.hidden = false;
    $('#kill-reset')?.addEventListener('click', resetKillSwitch);
  } else { kb.hidden = true; kb.innerHTML = ''; }
  if (s.emergency_halt) {
    hb.innerHTML = '<span>⛔ Emergency halt — trading stopped.</span>' + (can('admin') ? '<button type="button" id="halt-reset" class="danger">Lift emergency halt</button>' : '');
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
  const page = $('#page'); page.innerHTML = ''; page.dataset.page = name;
  PAGES[name](page);
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
    <dt>Circuit breaker</dt><dd>${safety.circuit_breaker === 'CLOSED' ? '<span class="badge ok">✔ closed</span>' : `<span class="badge bad">✖ ${esc(safety.circuit_breaker)}</span>`}</dd>
    <dt>Emergency halt</dt><dd>${safety.emergency_halt ? '<span class="badge bad">✖ HALTED</span>' : '<span class="badge ok">✔ no</span>'}</dd>
    <dt>Consecutive losses</dt><dd>${esc(safety.consecutive_losses)} / ${esc(cfg.max_consecutive_losses)}</dd>
    <dt>Limits off</dt><dd>${off.length ? `<span class="badge warn">⚠ ${esc(off.join(', '))}</span>` : 'none'}</dd>
    <dt>Last daily reset</dt><dd>${when(safety.last_reset)}</dd></dl>
    ${safety.kill_switch_active && can('admin') ? '<div class="row"><button type="button" id="ov-kill-reset" class="danger">Reset kill switch</button></div>' : ''}`;
  $('#ov-kill-reset')?.addEventListener('click', resetKillSwitch);
  const comps = health?.components || {};
  $('#ov-health').innerHTML = `<dl class="kv"><dt>Live feed (browser)</dt><dd>${S.ws?.readyState === 1 ? '<span class="badge ok">✔ live</span>' : '<span class="badge bad">✖ down</span>'}</dd>` +
    Object.entries(comps).map(([k, c]) => `<dt>${esc(k.replaceAll('_', ' '))}</dt><dd title="${esc(c.detail)}">${c.status === 'UP' ? '<span class="badge ok">✔ UP</span>' : `<span class="badge bad">✖ ${esc(c.status)}</span>`}${k === 'last_reconciliation' ? ' ' + esc(c.detail ?? '') : ''}</dd>`).join('') + '</dl>';
  $('#ov-bal').innerHTML = `<table><caption class="hint">Free and locked per asset</caption><thead><tr><th>Market</th><th>Asset</th><th class="num">Free</th><th class="num">Locked</th></tr></thead><tbody>` +
    list.map(b => `<tr><td>${esc(b.market)}</td><td>${esc(b.asset)}</td><td class="num">${fmt(b.free, 2)}</td><td class="num">${fmt(b.locked, 2)}</td></tr>`).join('') + '</tbody></table>';
}

// ---------- trade ----------
const ORDER_TYPES = { market: 'Market', limit: 'Limit', 'stop-loss': 'Stop-loss', 'take-profit': 'Take-profit', oco: 'OCO', 'trailing-stop': 'Trailing stop' };
function renderTrade(page) {
  page.innerHTML = `<h1>Trade</h1><div class="grid">
  <form id="order-form" class="card" novalidate aria-labelledby="of-h"><h2 id="of-h">New order</h2>
    <div class="fields">
      <div><label for="f-symbol">Symbol</label><input id="f-symbol" name="symbol" list="symbols" value="BTCUSDT" autocomplete="off" required pattern="[A-Za-z0-9]{5,20}">
        <datalist id="symbols"><option>BTCUSDT</option><option>ETHUSDT</option><option>BNBUSDT</option><option>SOLUSDT</option></datalist></div>
      <div><label for="f-market">Market</label><select id="f-market" name="market"><option value="spot">Spot</option><option value="futures">Futures (USDⓈ-M)</option></select></div>
      <div><label for="f-type">Order type</label><select id="f-type" name="order_type">${Object.entries(ORDER_TYPES).map(([k, v]) => `<option value="${k}">${v}</option>`).join('')}</select></div>
    </div>
    <fieldset><legend>Side</legend><label class="check"><input type="radio" name="side" value="BUY" checked> Buy ▲</label><label class="check"><input type="radio" name="side" value="SELL"> Sell ▼</label></fieldset>
    <div class="fields">
      <div data-for="amount-mode"><label for="f-amount-mode">Amount in</label><select id="f-amount-mode"><option value="base">Quantity (base asset)</option><option value="quote">Quote amount (USDT)</option></select></div>
      <div data-for="quantity"><label for="f-quantity">Quantity</label><input id="f-quantity" name="quantity" inputmode="decimal"></div>
      <div data-for="quote_quantity"><label for="f-quote">Quote amount (USDT)</label><input id="f-quote" name="quote_quantity" inputmode="decimal"></div>
      <div data-for="price"><label for="f-price">Limit price</label><input id="f-price" name="price" inputmode="decimal"></div>
      <div data-for="stop_price"><label for="f-stop">Stop price</label><input id="f-stop" name="stop_price" inputmode="decimal"></div>
      <div data-for="stop_limit_price"><label for="f-stop-limit">Stop-limit price (optional)</label><input id="f-stop-limit" name="stop_limit_price" inputmode="decimal"></div>
      <div data-for="trailing_delta"><label for="f-delta">Trailing delta (basis points)</label><input id="f-delta" name="trailing_delta" inputmode="numeric"></div>
      <div data-for="callback_rate"><label for="f-callback">Callback rate (%)</label><input id="f-callback" name="callback_rate" inputmode="decimal"></div>
      <div data-for="activation_price"><label for="f-activation">Activation price (optional)</label><input id="f-activation" name="activation_price" inputmode="decimal"></div>
      <div data-for="leverage"><label for="f-leverage">Leverage</label><input id="f-leverage" name="leverage" inputmode="numeric" placeholder="account setting"></div>
    </div>
    <div data-for="reduce_only"><label class="check"><input type="checkbox" id="f-reduce" name="reduce_only"> Reduce-only</label></div>
    <fieldset><legend>Protection</legend>
      <label class="check"><input type="checkbox" id="f-protection" checked> Automatic stop-loss / take-profit</label>
      <div class="fields"><div><label for="f-sl">Stop-loss price (optional override)</label><input id="f-sl" name="stop_loss" inputmode="decimal"></div>
      <div><label for="f-tp">Take-profit price (optional override)</label><input id="f-tp" name="take_profit" inputmode="decimal"></div></div>
    </fieldset>
    <p id="form-error" class="error" role="alert"></p>
    <div class="row"><button type="submit" class="primary" id="preview-btn">Preview</button></div>
  </form>
  <section class="card" aria-labelledby="pv-h" aria-live="polite"><h2 id="pv-h">Preview</h2><div id="preview"><p class="hint">Preview an order to see exactly what will be sent, its fees and the risk verdict.</p></div></section>
  </div>`;
  const form = $('#order-form');
  const show = () => {
    const t = $('#f-type').value, fut = $('#f-market').value === 'futures', quote = t === 'market' && !fut && $('#f-amount-mode').value === 'quote';
    const vis = { 'amount-mode': t === 'market' && !fut, quantity: !quote, quote_quantity: quote,
      price: t !== 'market', stop_price: ['stop-loss', 'take-profit', 'oco'].includes(t), stop_limit_price: t === 'oco',
      trailing_delta: t === 'trailing-stop' && !fut, callback_rate: t === 'trailing-stop' && fut, activation_price: t === 'trailing-stop' && fut,
      leverage: fut, reduce_only: fut };
    for (const el of form.querySelectorAll('[data-for]')) el.hidden = !vis[el.dataset.for];
    const pl = $('label[for=f-price]');
    pl.textContent = ['limit', 'oco'].includes(t) ? 'Limit price' : 'Limit price (optional: empty = market when triggered)';
    const prot = $('#f-protection').checked; $('#f-sl').disabled = !prot; $('#f-tp').disabled = !prot;
  };
  form.addEventListener('input', () => { show(); clearPreview(); });
  form.addEventListener('change', () => { show(); clearPreview(); });
  show();
  form.addEventListener('submit', async ev => { ev.preventDefault(); await doPreview(form); });
}
function clearPreview() { if (S.preview) { S.preview = null; $('#preview').innerHTML = '<p class="hint">The form changed: preview again.</p>'; } }
function orderBody(form) {
  const b = { order_type: $('#f-type').value, symbol: $('#f-symbol').value.trim().toUpperCase(), market: $('#f-market').value, side: form.side.value };
  const errs = [];
  if (!/^[A-Z0-9]{5,20}$/.test(b.symbol)) errs.push('Symbol: letters and digits, e.g. BTCUSDT.');
  for (const el of form.querySelectorAll('[data-for] input[inputmode]')) {
    if (el.closest('[data-for]').hidden || el.disabled || el.value.trim() === '') continue;
    const v = el.value.trim().replace(/,/g, '');
    if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0) { errs.push(`${$(`label[for=${el.id}]`).textContent}: a positive number.`); continue; }
    b[el.name] = ['trailing_delta', 'leverage'].includes(el.name) ? Number(v) : v;
  }
  for (const id of ['f-sl', 'f-tp']) { const el = $('#' + id); if (!el.disabled && el.value.trim()) b[el.name] = el.value.trim(); }
  if (!$('#f-reduce').closest('[data-for]').hidden && $('#f-reduce').checked) b.reduce_only = true;
  b.protection = $('#f-protection').checked;
  if (b.order_type === 'market' && !b.quantity && !b.quote_quantity) errs.push('Give a quantity or a quote amount.');
  if (b.order_type !== 'market' && !b.quantity) errs.push('Quantity: required.');
  return { body: b, errs };
}
async function doPreview(form) {
  const { body, errs } = orderBody(form); const err = $('#form-error'); err.textContent = errs.join(' ');
  if (errs.length) return;
  const out = $('#preview'); out.innerHTML = '<p>Previewing…</p>';
  try {
    const p = await api('POST', '/api/real-trading/order/preview', body);
    S.preview = p; const o = p.order, v = p.verdict;
    learn(o.symbol, 'price', o.price); learn(o.symbol, 'price', o.stop_price); learn(o.symbol, 'qty', o.quantity);
    const rows = Object.entries(o).filter(([k]) => k !== 'protection' || true).map(([k, val]) => `<tr><th scope="row">${esc(k.replaceAll('_', ' '))}</th><td class="num">${esc(typeof val === 'boolean' ? (val ? 'yes' : 'no') : val)}</td></tr>`).join('');
    out.innerHTML = `<div id="verdict" class="verdict ${v.approved ? 'pos' : 'neg'}" data-approved="${v.approved}">${v.approved ? '✔ Approved' : '✖ Rejected by risk rules'} — risk score ${esc(v.score)}/100</div>
      <h3>Order as it will be sent (rounded)</h3><table id="preview-order"><tbody>${rows}</tbody></table>
      <p>Estimated fee: <strong id="preview-fee">${esc(p.fees.amount)} ${esc(p.fees.asset)}</strong> <span class="hint">(rate ${esc(p.fees.rate)})</span></p>
      <h3>Risk rules</h3><div class="table-wrap"><table id="preview-rules"><thead><tr><th>Rule</th><th>Result</th><th>Why</th><th class="num">Limit</th><th class="num">Actual</th></tr></thead><tbody>` +
      v.rules.map(r => `<tr class="${r.passed ? '' : 'failed'}"><td>${esc(r.rule)}</td><td>${r.passed ? '<span class="pos">✔ pass</span>' : '<span class="neg">✖ FAIL</span>'}</td><td>${esc(r.message)}</td><td class="num">${esc(r.limit ?? '—')}</td><td class="num">${esc(r.actual ?? '—')}</td></tr>`).join('') +
      `</tbody></table></div>` + (v.approved
        ? `<p class="hint">Token valid until ${when(p.confirmation_expires_at)}.</p><div class="row"><button type="button" id="confirm-btn" class="primary">Confirm ${esc(o.side)} ${esc(o.quantity ?? o.quote_quantity)} ${esc(o.symbol)}</button></div>`
        : `<p class="error" role="alert" id="reject-reason">Refused: ${v.rules.filter(r => !r.passed).map(r => esc(r.message)).join('; ')}</p>`) + '<div id="place-result"></div>';
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
function upsertPosition(p) {
  learn(p.symbol, 'price', p.entry_price); learn(p.symbol, 'qty', p.quantity);
  const isNew = !S.positions.has(p.position_id), prev = S.positions.get(p.position_id);
  // the feed's position events carry no mark price: keep the last known one from REST
  if (p.mark_price == null && prev) p = { ...p, mark_price: prev.mark_price, unrealized_pnl: prev.unrealized_pnl };
  S.positions.set(p.position_id, p);
  if (p.mark_price != null) addTick(p.symbol, p.mark_price);
  if (currentPage() === 'positions') { drawPositions(); if (isNew && !S.chartSymbol) selectChart(p.symbol); else if (S.chartSymbol === p.symbol) updateLines(); }
}
function removePosition(trade) {
  for (const [id, p] of S.positions) if (id === trade.position_id) S.positions.delete(id);
  if (currentPage() === 'positions') { drawPositions(); updateLines(); }
}
function renderPositions(page) {
  page.innerHTML = `<h1>Positions</h1><section class="card" aria-labelledby="pt-h"><h2 id="pt-h">Open positions <span class="hint">(live)</span></h2><div id="pos-table" class="table-wrap">Loading…</div></section>
    <section class="card" aria-labelledby="ch-h"><h2 id="ch-h">Chart <span id="chart-symbol"></span></h2>
    <p class="hint">1-second candles of the mark price from the live feed since this page opened, with entry, stop-loss, take-profit and trailing levels.</p><div id="chart" role="img" aria-label="Price chart" data-candles="0"></div></section>`;
  refreshers.positions = loadPositions; S.chartSymbol = null; loadPositions();
  // marks and unrealized P&L come from REST (the feed has no price events): refresh every 2 s while shown
  clearInterval(S.markTimer);
  S.markTimer = setInterval(() => { if (currentPage() === 'positions' && S.token) loadPositions(); else clearInterval(S.markTimer); }, 2000);
}
async function loadPositions() {
  try {
    const [pos, prot] = await Promise.all([api('GET', '/api/real-trading/positions'), api('GET', '/api/sl-tp/active').catch(() => [])]);
    S.positions.clear(); for (const p of items(pos)) { S.positions.set(p.position_id, p); learn(p.symbol, 'price', p.entry_price); learn(p.symbol, 'qty', p.quantity); if (p.mark_price != null) addTick(p.symbol, p.mark_price); }
    S.protections = items(prot);
  } catch (e) { toast(e.message, 'bad'); }
  if (currentPage() !== 'positions') return;
  drawPositions();
  const first = S.positions.values().next().value;
  if (!S.chartSymbol && first) selectChart(first.symbol); else updateLines();
}
function drawPositions() {
  const el = $('#pos-table'); if (!el) return;
  const list = [...S.positions.values()];
  if (!list.length) { el.innerHTML = '<p class="hint" id="no-positions">No open positions.</p>'; return; }
  el.innerHTML = `<table id="positions"><thead><tr><th>Symbol</th><th>Market</th><th>Side</th><th class="num">Size</th><th class="num">Entry</th><th class="num">Mark</th><th class="num">Unrealized P&L</th><th class="num">Liq. price</th><th class="num">Stop-loss</th><th class="num">Take-profit</th><th>Opened</th><th><span class="sr">Actions</span></th></tr></thead><tbody>` +
    list.map(p => `<tr data-position="${esc(p.position_id)}" data-symbol="${esc(p.symbol)}"><td>${esc(p.symbol)}</td><td>${esc(p.market)}</td><td>${p.side === 'LONG' ? '▲ LONG' : '▼ SHORT'}</td>
      <td class="num">${qty(p.symbol, p.quantity)}</td><td class="num">${px(p.symbol, p.entry_price)}</td><td class="num mark">${px(p.symbol, p.mark_price)}</td>
      <td class="num">${pnl(p.unrealized_pnl)}</td><td class="num">${p.market === 'futures' ? px(p.symbol, p.liquidation_price) : '—'}</td>
      <td class="num">${px(p.symbol, p.stop_loss)}</td><td class="num">${px(p.symbol, p.take_profit)}</td><td>${when(p.opened_at)}</td>
      <td><button type="button" data-chart="${esc(p.symbol)}">Chart</button> <button type="button" class="danger" data-close="${esc(p.position_id)}">Close</button></td></tr>`).join('') + '</tbody></table>';
  for (const b of el.querySelectorAll('[data-chart]')) b.addEventListener('click', () => selectChart(b.dataset.chart));
  for (const b of el.querySelectorAll('[data-close]')) b.addEventListener('click', () => closePosition(S.positions.get(b.dataset.close)));
}
async function closePosition(p) {
  if (!p) return;
  if (!await confirmDialog('Close position?', `Close the whole ${p.side} ${p.quantity} ${p.symbol} position at market?`, 'Close at market')) return;
  try { await api('POST', `/api/real-trading/close/${encodeURIComponent(p.position_id)}`, {}); toast(`Closing ${p.symbol}…`); } catch (e) { toast(`Close refused: ${e.message}`, 'bad'); }
}
function addTick(symbol, price) {
  const t = Math.floor(Date.now() / 1000), v = Number(price);
  const arr = S.candles.get(symbol) ?? []; S.candles.set(symbol, arr);
  const last = arr[arr.length - 1];
  if (last && last.time === t) { last.high = Math.max(last.high, v); last.low = Math.min(last.low, v); last.close = v; }
  else { const open = last ? last.close : v; arr.push({ time: t, open, high: Math.max(open, v), low: Math.min(open, v), close: v }); if (arr.length > 2000) arr.shift(); }
  if (S.chart && S.chartSymbol === symbol) { S.series.update({ ...arr[arr.length - 1] }); $('#chart').dataset.candles = arr.length; }
}
function selectChart(symbol) {
  const el = $('#chart'); if (!el || !window.LightweightCharts) return;
  if (S.chart) S.chart.remove();
  S.chartSymbol = symbol; $('#chart-symbol').textContent = symbol;
  const LC = window.LightweightCharts;
  S.chart = LC.createChart(el, { autoSize: true, layout: { background: { color: '#18202a' }, textColor: '#e8edf2' },
    grid: { vertLines: { color: '#243140' }, horzLines: { color: '#243140' } }, timeScale: { timeVisible: true, secondsVisible: true } });
  const dp = S.prec[symbol]?.price ?? 2;
  S.series = S.chart.addSeries(LC.CandlestickSeries, { upColor: '#3ddc84', downColor: '#ff6b6b', borderVisible: false, wickUpColor: '#3ddc84', wickDownColor: '#ff6b6b',
    priceFormat: { type: 'price', precision: dp, minMove: 10 ** -dp } });
  const arr = S.candles.get(symbol) ?? []; S.series.setData(arr.map(c => ({ ...c }))); el.dataset.candles = arr.length; el.dataset.symbol = symbol;
  S.lines = []; updateLines();
}
function updateLines() {
  if (!S.chart || !S.series) return;
  for (const l of S.lines ?? []) S.series.removePriceLine(l);
  S.lines = []; const levels = [];
  for (const p of S.positions.values()) if (p.symbol === S.chartSymbol) {
    levels.push(['Entry', p.entry_price, '#5aa9ff', 0]); if (p.stop_loss) levels.push(['SL', p.stop_loss, '#ff6b6b', 2]); if (p.take_profit) levels.push(['TP', p.take_profit, '#3ddc84', 2]);
    for (const pr of S.protections ?? []) if (pr.position_id === p.position_id && /trail/i.test(pr.kind) && pr.stop_price) levels.push(['Trailing', pr.stop_price, '#ffcc4d', 1]);
  }
  for (const [title, price, color, lineStyle] of levels) S.lines.push(S.series.createPriceLine({ price: Number(price), color, lineWidth: 2, lineStyle, axisLabelVisible: true, title }));
  $('#chart').dataset.lines = levels.map(l => l[0]).join(',');
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
  const fills = (o.fills ?? []).length ? `<details><summary>${o.fills.length} fill${o.fills.length > 1 ? 's' : ''}</summary>${o.fills.map(f => `${qty(o.symbol, f.quantity)} @ ${px(o.symbol, f.price)} (fee ${esc(f.commission)} ${esc(f.commission_asset)})`).join('<br>')}</details>` : '—';
  return `<tr data-order="${esc(o.order_id)}"><td>${when(o.created_at)}</td><td>${esc(o.symbol)}</td><td>${esc(o.market)}</td><td>${o.side === 'BUY' ? '▲ BUY' : '▼ SELL'}</td><td>${esc(o.order_type)}</td><td class="status">${esc(o.status)}</td>
    <td class="num">${qty(o.symbol, o.quantity)}</td><td class="num">${qty(o.symbol, o.filled_quantity)}</td><td class="num">${px(o.symbol, o.price)}</td><td class="num">${px(o.symbol, o.avg_price)}</td><td class="num">${fees(o)}</td><td>${fills}</td><td>${esc(o.origin)}</td>
    ${open ? `<td><button type="button" class="danger" data-cancel="${esc(o.order_id)}" aria-label="Cancel order ${esc(o.order_id)} ${esc(o.side)} ${esc(o.quantity)} ${esc(o.symbol)}">Cancel</button></td>` : ''}</tr>`;
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
    $('#open-orders').innerHTML = ol.length ? `<table id="open-orders-table">${ORDER_HEAD(true)}<tbody>${ol.map(o => orderRow(o, true)).join('')}</tbody></table>` : '<p class="hint" id="no-open-orders">No open orders.</p>';
    for (const b of $('#open-orders').querySelectorAll('[data-cancel]')) b.addEventListener('click', () => cancelOrder(b.dataset.cancel, b));
    const hl = items(hist);
    $('#order-history').innerHTML = hl.length ? `<table id="history-table">${ORDER_HEAD(false)}<tbody>${hl.map(o => orderRow(o, false)).join('')}</tbody></table>` : '<p class="hint">No orders match.</p>';
    pager($('#hist-pager'), S.histPage, size, hist.total, p => { S.histPage = p; loadOrders(); });
    const tl = items(trades);
    $('#trades').innerHTML = tl.length ? `<table id="trades-table"><thead><tr><th>Closed</th><th>Symbol</th><th>Side</th><th class="num">Qty</th><th class="num">Entry</th><th class="num">Exit</th><th class="num">Fees</th><th class="num">Funding</th><th class="num">Realized P&L</th><th class="num">Return</th><th>Exit reason</th></tr></thead><tbody>` +
      tl.map(t => `<tr><td>${when(t.closed_at)}</td><td>${esc(t.symbol)}</td><td>${t.side === 'LONG' ? '▲ LONG' : '▼ SHORT'}</td><td class="num">${qty(t.symbol, t.quantity)}</td><td class="num">${px(t.symbol, t.entry_price)}</td><td class="num">${px(t.symbol, t.exit_price)}</td><td class="num">${money(t.fees)}</td><td class="num">${money(t.funding)}</td><td class="num">${pnl(t.realized_pnl)}</td><td class="num">${t.pnl_ratio == null ? '—' : pnl((Number(t.pnl_ratio) * 100).toFixed(2))}%</td><td>${esc(t.exit_reason)}</td></tr>`).join('') + '</tbody></table>' : '<p class="hint">No closed trades yet.</p>';
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
      sl.map(d => { const s = d.signal; return `<tr><td>${when(d.decided_at)}</td><td>${esc(s.symbol)} ${esc(s.market)}</td><td>${s.direction === 'LONG' ? '▲ LONG' : s.direction === 'SHORT' ? '▼ SHORT' : esc(s.direction)}</td><td class="num">${esc(s.confidence)}</td><td class="num">${px(s.symbol, s.entry)}</td><td class="num">${px(s.symbol, s.stop_loss)}</td><td class="num">${px(s.symbol, s.take_profit)}</td><td>${esc(s.strategy ?? '')} / ${esc(s.source ?? '')}</td><td>${d.decision === 'accepted' ? '✔ accepted' : d.decision === 'rejected' ? '✖ rejected' : '– ' + esc(d.decision)}</td><td>${esc(d.reason)}</td><td>${esc(d.order_id ?? '—')}</td></tr>`; }).join('') + '</tbody></table>' : '<p class="hint">No signals yet.</p>';
    $('#manual').innerHTML = ml.length ? `<table><thead><tr><th>Detected</th><th>Order</th><th>Symbol</th><th>Side</th><th class="num">Qty</th><th class="num">Price</th><th>Position</th><th class="num">Realized P&L</th></tr></thead><tbody>` +
      ml.map(m => `<tr><td>${when(m.detected_at)}</td><td>${esc(m.order_id)}</td><td>${esc(m.symbol)} ${esc(m.market)}</td><td>${m.side === 'BUY' ? '▲ BUY' : '▼ SELL'}</td><td class="num">${qty(m.symbol, m.quantity)}</td><td class="num">${px(m.symbol, m.price)}</td><td>${esc(m.matched_position_id ?? '—')}</td><td class="num">${pnl(m.realized_pnl)}</td></tr>`).join('') + '</tbody></table>' : '<p class="hint">No manual trades detected.</p>';
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
