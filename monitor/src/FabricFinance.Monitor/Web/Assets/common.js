'use strict';
window.Monitor = (() => {
  const BILL_STATUSES = ['PendingAcceptance', 'Active', 'InDeal', 'Presented', 'Paid', 'Cancelled', 'Dishonored', 'Frozen', 'Split'];
  const DEAL_STATUSES = ['Requested', 'Accepted', 'Settled', 'Rejected', 'Cancelled', 'Expired'];
  const DASH = '\u2014';

  // el('a', { href: '/x', class: 'y' }, 'text', child) builds an element; text is never parsed as HTML.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // Fen to yuan with integer arithmetic only: 123456789 -> "1,234,567.89".
  function yuan(fen) {
    if (fen === null || fen === undefined) return DASH;
    if (!Number.isSafeInteger(fen)) return String(fen);
    let value = BigInt(fen);
    const negative = value < 0n;
    if (negative) value = -value;
    const whole = (value / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const cents = (value % 100n).toString().padStart(2, '0');
    return (negative ? '\u2212' : '') + whole + '.' + cents;
  }

  // Basis points to a percentage with integer arithmetic: 285 -> "2.85 %".
  function rate(bps) {
    if (bps === null || bps === undefined) return DASH;
    const whole = Math.trunc(bps / 100);
    return whole + '.' + String(Math.abs(bps % 100)).padStart(2, '0') + ' %';
  }

  // A ledger timestamp shown in the market's business time zone (UTC+8), whatever the browser's zone.
  function time(iso) {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) return iso || DASH;
    const shifted = new Date(ms + 8 * 3600 * 1000).toISOString();
    return shifted.slice(0, 10) + ' ' + shifted.slice(11, 19);
  }

  function timeEl(iso) {
    return el('time', { datetime: iso, title: iso }, time(iso), el('span', { class: 'tz' }, ' UTC+8'));
  }

  function human(name) {
    return String(name).replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, c => c.toUpperCase())
      .replace(/ ([A-Z])/g, (m, c) => ' ' + c.toLowerCase());
  }

  function badge(status) {
    return el('span', { class: 'badge s-' + status }, human(status));
  }

  function billLink(id) {
    return el('a', { href: '/bills/' + encodeURIComponent(id), class: 'mono' }, id);
  }

  function text(value) {
    return value === null || value === undefined || value === '' ? DASH : String(value);
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super(problem && (problem.detail || problem.title) || ('HTTP ' + status));
      this.status = status;
      this.problem = problem;
    }
  }

  async function api(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, body);
    return body;
  }

  function cell(content, attrs) {
    return el('td', attrs || {}, content);
  }

  function dealRow(view, withBill) {
    const deal = view.deal, terms = view.terms;
    return el('tr', { dataset: { dealId: deal.id } },
      el('th', { scope: 'row', class: 'mono' }, deal.id),
      cell(human(deal.kind)),
      withBill ? cell(billLink(deal.billId)) : null,
      cell(deal.seller, { class: 'mono' }),
      cell(deal.buyer, { class: 'mono' }),
      cell(yuan(deal.amount), { class: 'num' }),
      cell(badge(deal.status)),
      cell(text(deal.requestDate)),
      cell(terms ? rate(terms.rateBps) : 'not readable', { class: terms ? 'num' : 'num empty' }),
      cell(terms ? text(terms.days) : DASH, { class: 'num' }),
      cell(terms ? yuan(terms.interest) : DASH, { class: 'num' }),
      cell(terms ? yuan(terms.payout) : DASH, { class: 'num' }));
  }

  function dealHead(withBill) {
    const cols = [['Deal'], ['Kind'], withBill ? ['Bill'] : null, ['Seller'], ['Buyer'], ['Amount (yuan)', 'num'], ['Status'],
      ['Requested'], ['Rate', 'num'], ['Days', 'num'], ['Interest (yuan)', 'num'], ['Payout (yuan)', 'num']].filter(Boolean);
    return el('tr', {}, cols.map(([label, cls]) => el('th', { scope: 'col', class: cls }, label)));
  }

  function alertItem(alert, fresh) {
    return el('li', { class: 'alert sev-' + alert.severity + (fresh ? ' fresh' : ''), dataset: { seq: alert.sequence, rule: alert.ruleId } },
      el('div', { class: 'alert-head' },
        el('span', { class: 'badge s-' + alert.severity }, alert.severity),
        el('span', { class: 'rule' }, alert.ruleId),
        timeEl(alert.timestamp)),
      el('p', { class: 'summary' }, alert.summary),
      el('p', { class: 'meta' }, 'Bill ', billLink(alert.billId), ' \u00b7 block ' + alert.blockNumber + ' \u00b7 alert #' + alert.sequence));
  }

  // Follows the alert stream from a sequence number; the browser resumes with Last-Event-ID after a drop.
  function follow(after, onAlert, statusEl) {
    const source = new EventSource('/api/alerts/stream?after=' + encodeURIComponent(after));
    const show = (state, label) => {
      if (!statusEl) return;
      statusEl.dataset.state = state;
      statusEl.textContent = label;
    };
    source.addEventListener('open', () => show('live', 'Live'));
    source.addEventListener('error', () => show('down', 'Reconnecting\u2026'));
    source.addEventListener('alert', event => {
      try { onAlert(JSON.parse(event.data)); } catch (e) { console.error('bad alert event', e); }
    });
    window.addEventListener('pagehide', () => source.close());
    return source;
  }

  function showError(node, error) {
    node.hidden = false;
    node.textContent = error instanceof ApiError ? error.message : 'The monitor could not be reached: ' + error.message;
  }

  return { BILL_STATUSES, DEAL_STATUSES, DASH, el, yuan, rate, time, timeEl, human, badge, billLink, text, api, ApiError,
    cell, dealRow, dealHead, alertItem, follow, showError };
})();
