'use strict';
(() => {
  const M = window.Monitor, el = M.el, $ = id => document.getElementById(id);
  const billForm = $('bill-filters'), dealForm = $('deal-filters');
  const feed = $('alert-feed');
  const state = { bills: { offset: 0, total: 0, limit: 20 }, deals: { offset: 0, limit: 20, count: 0 }, lastAlert: 0, alerts: 0 };
  const MAX_ALERTS_SHOWN = 100;

  for (const s of M.BILL_STATUSES) $('f-status').append(el('option', { value: s }, M.human(s)));
  for (const s of M.DEAL_STATUSES) $('d-status').append(el('option', { value: s }, M.human(s)));

  function filtersFromUrl() {
    const q = new URLSearchParams(location.search);
    $('f-status').value = q.get('status') || '';
    $('f-due-from').value = q.get('dueFrom') || '';
    $('f-due-to').value = q.get('dueTo') || '';
    const limit = q.get('limit') || '20';
    $('f-limit').value = [...$('f-limit').options].some(o => o.value === limit) ? limit : '20';
    state.bills.offset = Math.max(0, parseInt(q.get('offset') || '0', 10) || 0);
    state.pendingHolder = q.get('holder') || '';
    $('f-holder').value = state.pendingHolder;
  }

  function billQuery() {
    const q = new URLSearchParams();
    for (const [name, id] of [['status', 'f-status'], ['holder', 'f-holder'], ['dueFrom', 'f-due-from'], ['dueTo', 'f-due-to']]) {
      const value = $(id).value;
      if (value) q.set(name, value);
    }
    state.bills.limit = parseInt($('f-limit').value, 10);
    if (state.bills.limit !== 20) q.set('limit', String(state.bills.limit));
    if (state.bills.offset > 0) q.set('offset', String(state.bills.offset));
    return q;
  }

  async function loadBills(push) {
    const q = billQuery();
    const url = q.toString() ? '?' + q : location.pathname;
    if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
    const api = new URLSearchParams(q);
    api.set('limit', String(state.bills.limit));
    const table = $('bills-table'), body = table.tBodies[0];
    table.setAttribute('aria-busy', 'true');
    try {
      const page = await M.api('/api/bills?' + api);
      $('bills-error').hidden = true;
      state.bills.total = page.total;
      body.replaceChildren(...page.bills.map(b => el('tr', { dataset: { billId: b.id } },
        el('th', { scope: 'row' }, M.billLink(b.id)),
        M.cell(M.human(b.kind)),
        M.cell(b.drawer, { class: 'mono' }),
        M.cell(b.acceptor, { class: 'mono' }),
        M.cell(b.holder, { class: 'mono' }),
        M.cell(M.yuan(b.amount), { class: 'num' }),
        M.cell(b.dueDate),
        M.cell(M.badge(b.status)))));
      if (page.bills.length === 0) body.append(el('tr', {}, el('td', { colspan: 8, class: 'empty' }, 'No bill matches these filters.')));
      const first = page.total === 0 ? 0 : page.offset + 1, last = page.offset + page.bills.length;
      $('bills-caption').textContent = 'Bills ' + first + '\u2013' + last + ' of ' + page.total + describeFilters();
      const pages = Math.max(1, Math.ceil(page.total / page.limit)), current = Math.floor(page.offset / page.limit) + 1;
      $('bills-page').textContent = 'Page ' + current + ' of ' + pages;
      $('bills-prev').disabled = page.offset === 0;
      $('bills-next').disabled = last >= page.total;
    } catch (error) {
      M.showError($('bills-error'), error);
      body.replaceChildren();
    } finally {
      table.removeAttribute('aria-busy');
    }
  }

  function describeFilters() {
    const parts = [];
    if ($('f-status').value) parts.push('status ' + M.human($('f-status').value).toLowerCase());
    if ($('f-holder').value) parts.push('held by ' + $('f-holder').value);
    if ($('f-due-from').value) parts.push('due from ' + $('f-due-from').value);
    if ($('f-due-to').value) parts.push('due to ' + $('f-due-to').value);
    return parts.length ? ' (' + parts.join(', ') + ')' : '';
  }

  async function loadDeals() {
    const q = new URLSearchParams({ offset: String(state.deals.offset), limit: String(state.deals.limit) });
    if ($('d-status').value) q.set('status', $('d-status').value);
    const table = $('deals-table'), body = table.tBodies[0];
    try {
      const page = await M.api('/api/deals?' + q);
      $('deals-error').hidden = true;
      table.tHead.replaceChildren(M.dealHead(true));
      body.replaceChildren(...page.deals.map(d => M.dealRow(d, true)));
      if (page.deals.length === 0) body.append(el('tr', {}, el('td', { colspan: 12, class: 'empty' }, 'No deal matches.')));
      const first = page.deals.length ? page.offset + 1 : 0;
      $('deals-caption').textContent = 'Deals ' + first + '\u2013' + (page.offset + page.deals.length) + ', newest request first';
      $('deals-page').textContent = 'Page ' + (Math.floor(page.offset / page.limit) + 1);
      $('deals-prev').disabled = page.offset === 0;
      $('deals-next').disabled = page.deals.length < page.limit;
    } catch (error) {
      M.showError($('deals-error'), error);
    }
  }

  async function loadOverview() {
    const o = await M.api('/api/overview');
    $('stat-block').textContent = o.lastBlock === null ? 'none yet' : String(o.lastBlock);
    $('stat-bills').textContent = String(o.billsByStatus.reduce((sum, s) => sum + s.count, 0));
    $('stat-deals').textContent = String(o.deals);
    $('stat-parties').textContent = String(o.parties);
    $('stat-alerts').textContent = String(o.alerts);
    state.alerts = o.alerts;
    $('status-counts').replaceChildren(...o.billsByStatus.map(s => el('li', {},
      el('a', { href: '?status=' + encodeURIComponent(s.status), dataset: { status: s.status }, 'aria-label': M.human(s.status) + ': ' + s.count + ' bills' },
        M.badge(s.status), el('strong', {}, String(s.count))))));
    return o;
  }

  async function loadParties() {
    const parties = await M.api('/api/parties');
    const select = $('f-holder');
    for (const p of parties) select.append(el('option', { value: p.id }, p.id + ' \u2014 ' + p.name));
    select.value = state.pendingHolder || '';
  }

  function addAlert(alert, fresh) {
    if (alert.sequence <= state.lastAlert) return;
    state.lastAlert = alert.sequence;
    feed.prepend(M.alertItem(alert, fresh));
    while (feed.children.length > MAX_ALERTS_SHOWN) feed.lastElementChild.remove();
    $('alerts-empty').hidden = true;
  }

  async function loadAlerts(total) {
    const after = Math.max(0, total - 50);
    const page = await M.api('/api/alerts?after=' + after + '&limit=50');
    for (const a of page.alerts) addAlert(a, false);
    state.lastAlert = Math.max(state.lastAlert, after);
    $('alerts-empty').hidden = feed.children.length > 0;
    feed.setAttribute('aria-busy', 'false');
    M.follow(state.lastAlert, alert => {
      addAlert(alert, true);
      loadOverview().catch(() => {});
    }, $('conn'));
  }

  billForm.addEventListener('submit', event => {
    event.preventDefault();
    state.bills.offset = 0;
    loadBills(true);
  });
  billForm.addEventListener('reset', () => setTimeout(() => { state.bills.offset = 0; loadBills(true); }, 0));
  $('f-limit').addEventListener('change', () => {
    state.bills.offset = 0;
    loadBills(true);
  });
  $('bills-prev').addEventListener('click', () => {
    state.bills.offset = Math.max(0, state.bills.offset - state.bills.limit);
    loadBills(true);
  });
  $('bills-next').addEventListener('click', () => {
    state.bills.offset += state.bills.limit;
    loadBills(true);
  });
  dealForm.addEventListener('submit', event => {
    event.preventDefault();
    state.deals.offset = 0;
    loadDeals();
  });
  $('deals-prev').addEventListener('click', () => {
    state.deals.offset = Math.max(0, state.deals.offset - state.deals.limit);
    loadDeals();
  });
  $('deals-next').addEventListener('click', () => {
    state.deals.offset += state.deals.limit;
    loadDeals();
  });
  window.addEventListener('popstate', () => {
    filtersFromUrl();
    loadBills(false);
  });

  filtersFromUrl();
  const bills = loadParties().catch(error => M.showError($('bills-error'), error)).then(() => loadBills(false));
  const alerts = loadOverview()
    .then(o => loadAlerts(o.alerts))
    .catch(error => {
      $('conn').dataset.state = 'down';
      $('conn').textContent = 'Offline';
      M.showError($('bills-error'), error);
    });
  Promise.allSettled([bills, loadDeals(), alerts]).then(() => { document.body.dataset.ready = 'true'; });
})();
