namespace FabricFinance.Monitor.Web.Assets;

/// <summary>One bill's page (<c>/bills/{id}</c>): the bill now, its life as a timeline, its deals and its alerts.</summary>
internal static class BillPage
{
    /// <summary>The page; <c>bill.js</c> fills it from the API.</summary>
    public const string Html = """
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bill · FabricFinance monitor</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/monitor.css">
<script src="/assets/common.js" defer></script>
<script src="/assets/bill.js" defer></script>
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
  <nav class="crumbs" aria-label="Breadcrumb"><a href="/">Bill market</a> › <span id="crumb-bill" aria-current="page">Bill</span></nav>
  <div class="title-row"><h1 id="bill-title">Bill</h1><span id="bill-status"></span></div>
  <p id="bill-error" class="error" role="alert" hidden></p>

  <div id="bill-content" hidden>
    <section class="panel" aria-labelledby="summary-title">
      <h2 id="summary-title">The bill now</h2>
      <dl class="facts" id="bill-facts"></dl>
    </section>

    <div class="layout">
      <section class="panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <p class="hint">Every transaction that touched this bill, in ledger order. Transactions the peers marked invalid changed nothing and are flagged.</p>
        <ol class="timeline" id="timeline"></ol>
      </section>

      <aside class="panel" aria-labelledby="bill-alerts-title">
        <h2 id="bill-alerts-title">Alerts on this bill</h2>
        <ol id="bill-alerts" class="feed" aria-live="polite" aria-relevant="additions"></ol>
        <p id="bill-alerts-empty" class="empty" hidden>No alerts on this bill.</p>
      </aside>
    </div>

    <section class="panel" aria-labelledby="trail-title">
      <h2 id="trail-title">Endorsement trail</h2>
      <div class="table-scroll">
        <table class="data" id="trail-table">
          <caption>Transfers of the bill, oldest first</caption>
          <thead><tr><th scope="col">#</th><th scope="col">Type</th><th scope="col">From</th><th scope="col">To</th>
            <th scope="col" class="num">Amount (yuan)</th><th scope="col">Date</th><th scope="col">Transaction</th></tr></thead>
          <tbody></tbody>
        </table>
      </div>
    </section>

    <section class="panel" aria-labelledby="bill-deals-title">
      <h2 id="bill-deals-title">Deals</h2>
      <div class="table-scroll">
        <table class="data" id="bill-deals-table">
          <caption>Deals on this bill with their terms, in request order</caption>
          <thead></thead>
          <tbody></tbody>
        </table>
      </div>
    </section>
  </div>
</main>
<footer class="wrap">Times are business time (UTC+8); amounts are in yuan.</footer>
</body>
</html>
""";
}
