'use strict';
(() => {
  const M = window.Monitor, el = M.el, $ = id => document.getElementById(id);
  const id = decodeURIComponent(location.pathname.replace(/\/+$/, '').split('/').pop() || '');
  let lastAlert = 0;

  function fact(label, value, cls) {
    return el('div', { class: cls }, el('dt', {}, label), el('dd', {}, value));
  }

  function who(creator) {
    return [creator.partyId ? el('strong', { class: 'mono party' }, creator.partyId) : el('span', { class: 'empty' }, 'no registered party'),
      el('span', { class: 'identity' }, el('span', { class: 'mono' }, creator.mspId), ' \u00b7 ', el('span', { class: 'mono' }, creator.subject))];
  }

  function activityItem(a, index) {
    const invalid = a.validationCode !== 'Valid';
    const head = el('div', { class: 'tl-head' },
      el('h3', {}, a.function),
      a.eventName ? el('span', { class: 'tl-event' }, a.eventName) : null,
      invalid ? el('span', { class: 'badge s-Invalid', 'data-role': 'validation' }, 'Invalid: ' + a.validationCode) : null,
      el('span', { class: 'when' }, M.timeEl(a.timestamp), ' \u00b7 business day ', el('span', { class: 'day' }, a.businessDay)));
    const facts = el('dl', { class: 'tl-facts' },
      fact('Submitted by', who(a.creator), 'wide'),
      fact('Status after', a.bill ? M.badge(a.bill.status) : M.DASH),
      fact('Holder after', a.bill ? el('span', { class: 'mono' }, a.bill.holder) : M.DASH),
      fact('Block', el('span', {}, 'block ' + a.blockNumber + ', tx #' + a.transactionIndex)),
      fact('Transaction id', el('span', { class: 'mono', title: a.transactionId }, a.transactionId), 'wide'),
      a.deal ? fact('Deal', el('span', {}, el('span', { class: 'mono' }, a.deal.id), ' (' + M.human(a.deal.kind).toLowerCase() + ', ' + M.human(a.deal.status).toLowerCase() + ')')) : null,
      a.terms ? fact('Terms', M.rate(a.terms.rateBps) + (a.terms.payout !== null ? ', payout ' + M.yuan(a.terms.payout) : '')) : null);
    return el('li', { class: invalid ? 'invalid' : 'valid', dataset: { tx: a.transactionId, block: a.blockNumber, index: index } },
      head, facts,
      invalid ? el('p', { class: 'invalid-note' }, 'Committed as invalid (' + a.validationCode + '): the peers applied none of its writes.') : null);
  }

  function render(t) {
    const b = t.bill;
    document.title = 'Bill ' + b.id + ' \u00b7 FabricFinance monitor';
    $('crumb-bill').textContent = 'Bill ' + b.id;
    $('bill-title').textContent = 'Bill ' + b.id;
    $('bill-status').replaceChildren(M.badge(b.status));
    $('bill-facts').replaceChildren(...[
      fact('Kind', M.human(b.kind)),
      fact('Amount (yuan)', M.yuan(b.amount) + ' ' + b.currency),
      fact('Drawer', el('span', { class: 'mono' }, b.drawer)),
      fact('Payee', el('span', { class: 'mono' }, b.payee)),
      fact('Acceptor', el('span', { class: 'mono' }, b.acceptor)),
      fact('Holder', el('span', { class: 'mono' }, b.holder)),
      fact('Issued', b.issueDate),
      fact('Due', b.dueDate),
      fact('Transferable', b.transferable ? 'yes' : 'no'),
      fact('Range (fen)', b.range.map(n => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')).join(' \u2013 ')),
      b.parent ? fact('Split from', M.billLink(b.parent)) : null,
      b.dealId ? fact('Open deal', el('span', { class: 'mono' }, b.dealId)) : null,
      b.frozenFrom ? fact('Frozen from', M.human(b.frozenFrom)) : null,
      b.paymentRef ? fact('Payment reference', el('span', { class: 'mono' }, b.paymentRef)) : null,
      b.reason ? fact('Reason', b.reason) : null,
      fact('Version', String(b.version) + ', updated ' + b.updateDate)].filter(Boolean));

    $('timeline').replaceChildren(...t.activities.map(activityItem));
    if (t.activities.length === 0) $('timeline').append(el('li', { class: 'empty' }, 'No transaction recorded.'));

    const trail = $('trail-table').tBodies[0];
    trail.replaceChildren(...b.trail.map((x, i) => el('tr', {},
      el('th', { scope: 'row', class: 'num' }, String(i + 1)), M.cell(M.human(x.type)),
      M.cell(x.from, { class: 'mono' }), M.cell(x.to, { class: 'mono' }), M.cell(M.yuan(x.amount), { class: 'num' }),
      M.cell(x.date), M.cell(x.txId.length > 16 ? x.txId.slice(0, 16) + '\u2026' : x.txId, { class: 'mono', title: x.txId }))));
    if (b.trail.length === 0) trail.append(el('tr', {}, el('td', { colspan: 7, class: 'empty' }, 'Not transferred yet.')));

    const deals = $('bill-deals-table');
    deals.tHead.replaceChildren(M.dealHead(false));
    deals.tBodies[0].replaceChildren(...t.deals.map(d => M.dealRow(d, false)));
    if (t.deals.length === 0) deals.tBodies[0].append(el('tr', {}, el('td', { colspan: 11, class: 'empty' }, 'No deal on this bill.')));

    const alerts = $('bill-alerts');
    alerts.replaceChildren(...t.alerts.slice().reverse().map(a => M.alertItem(a, false)));
    $('bill-alerts-empty').hidden = t.alerts.length > 0;
    $('bill-content').hidden = false;
  }

  async function load() {
    try {
      const [timeline, overview] = await Promise.all([M.api('/api/bills/' + encodeURIComponent(id)), M.api('/api/overview')]);
      render(timeline);
      lastAlert = overview.alerts;
      M.follow(lastAlert, alert => {
        if (alert.billId !== id || alert.sequence <= lastAlert) return;
        lastAlert = alert.sequence;
        $('bill-alerts').prepend(M.alertItem(alert, true));
        $('bill-alerts-empty').hidden = true;
      }, $('conn'));
    } catch (error) {
      $('crumb-bill').textContent = 'Bill ' + id;
      $('bill-title').textContent = 'Bill ' + id;
      M.showError($('bill-error'), error);
      $('conn').dataset.state = 'down';
      $('conn').textContent = error instanceof M.ApiError ? 'Not found' : 'Offline';
    } finally {
      document.body.dataset.ready = 'true';
    }
  }

  load();
})();
