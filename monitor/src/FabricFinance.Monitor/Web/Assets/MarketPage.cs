namespace FabricFinance.Monitor.Web.Assets;

/// <summary>The market page (<c>/</c>): overview, bills with filters and paging, live alerts, deals with terms.</summary>
internal static class MarketPage
{
    /// <summary>The page; <c>market.js</c> fills it from the API.</summary>
    public const string Html = """
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bill market · FabricFinance monitor</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/monitor.css">
<script src="/assets/common.js" defer></script>
<script src="/assets/market.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="banner">
  <div class="wrap">
    <a class="brand" href="/">FabricFinance <span>Regulator's monitor</span></a>
    <p class="conn" id="conn" role="status" data-state="connecting">Connecting…</p>
  </div>
</header>
<main id="main" class="wrap">
  <h1>Bill market</h1>

  <section class="panel" aria-labelledby="overview-title">
    <h2 id="overview-title">Overview</h2>
    <dl class="stats" id="stats">
      <div><dt>Last block</dt><dd id="stat-block">—</dd></div>
      <div><dt>Bills</dt><dd id="stat-bills">—</dd></div>
      <div><dt>Deals</dt><dd id="stat-deals">—</dd></div>
      <div><dt>Parties</dt><dd id="stat-parties">—</dd></div>
      <div><dt>Alerts</dt><dd id="stat-alerts">—</dd></div>
    </dl>
    <ul class="chips" id="status-counts" aria-label="Bills by status"></ul>
  </section>

  <div class="layout">
    <section class="panel" aria-labelledby="bills-title">
      <h2 id="bills-title">Bills</h2>
      <form id="bill-filters" class="filters" role="search" aria-label="Filter bills">
        <div class="field"><label for="f-status">Status</label>
          <select id="f-status" name="status"><option value="">Any status</option></select></div>
        <div class="field"><label for="f-holder">Holder</label>
          <select id="f-holder" name="holder"><option value="">Any holder</option></select></div>
        <div class="field"><label for="f-due-from">Due from</label>
          <input id="f-due-from" name="dueFrom" type="date"></div>
        <div class="field"><label for="f-due-to">Due to</label>
          <input id="f-due-to" name="dueTo" type="date"></div>
        <div class="actions"><button type="submit">Apply</button><button type="reset" class="secondary">Reset</button></div>
      </form>
      <p id="bills-error" class="error" role="alert" hidden></p>
      <div class="table-scroll">
        <table class="data" id="bills-table">
          <caption id="bills-caption">Bills</caption>
          <thead><tr>
            <th scope="col">Bill</th><th scope="col">Kind</th><th scope="col">Drawer</th><th scope="col">Acceptor</th>
            <th scope="col">Holder</th><th scope="col" class="num">Amount (yuan)</th><th scope="col">Due</th><th scope="col">Status</th>
          </tr></thead>
          <tbody></tbody>
        </table>
      </div>
      <nav class="pager" aria-label="Bill pages">
        <button type="button" id="bills-prev" class="secondary">Previous</button>
        <span id="bills-page" aria-live="polite"></span>
        <button type="button" id="bills-next" class="secondary">Next</button>
        <span class="per-page"><label for="f-limit">Per page</label>
          <select id="f-limit" name="limit" form="bill-filters"><option>10</option><option selected>20</option><option>50</option><option>100</option></select></span>
      </nav>
    </section>

    <aside class="panel" aria-labelledby="alerts-title">
      <div class="panel-head"><h2 id="alerts-title">Alerts</h2></div>
      <p class="hint">Newest first. New alerts appear here as the monitor raises them.</p>
      <ol id="alert-feed" class="feed" aria-live="polite" aria-relevant="additions" aria-busy="true"></ol>
      <p id="alerts-empty" class="empty" hidden>No alerts raised.</p>
    </aside>
  </div>

  <section class="panel" aria-labelledby="deals-title">
    <h2 id="deals-title">Deals</h2>
    <p class="hint">Discount and rediscount deals with their private terms, as the regulator reads them.</p>
    <form id="deal-filters" class="filters" aria-label="Filter deals">
      <div class="field"><label for="d-status">Status</label>
        <select id="d-status" name="status"><option value="">Any status</option></select></div>
      <div class="actions"><button type="submit">Apply</button></div>
    </form>
    <p id="deals-error" class="error" role="alert" hidden></p>
    <div class="table-scroll">
      <table class="data" id="deals-table">
        <caption id="deals-caption">Deals</caption>
        <thead></thead>
        <tbody></tbody>
      </table>
    </div>
    <nav class="pager" aria-label="Deal pages">
      <button type="button" id="deals-prev" class="secondary">Previous</button>
      <span id="deals-page" aria-live="polite"></span>
      <button type="button" id="deals-next" class="secondary">Next</button>
    </nav>
  </section>
</main>
<footer class="wrap">Read model of the bill chaincode, followed block by block. Times are business time (UTC+8); amounts are in yuan.</footer>
</body>
</html>
""";
}
