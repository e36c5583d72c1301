namespace FabricFinance.Monitor.Web.Assets;

/// <summary>The pages' style sheet: system fonts, high-contrast colours, a visible focus ring.</summary>
internal static class MonitorStyle
{
    /// <summary>The style sheet.</summary>
    public const string Css = """
:root {
  --ink: #17202c; --muted: #4a5568; --line: #d5dbe3; --soft: #f3f5f8; --page: #ffffff;
  --brand: #0f2744; --accent: #1747a6; --focus: #f59e0b;
  --ok-bg: #e3f4e8; --ok: #14532d; --warn-bg: #fdf0d5; --warn: #713f12; --bad-bg: #fde3e3; --bad: #7f1d1d;
  --info-bg: #e2ebfb; --info: #1e3a8a; --violet-bg: #ece6fb; --violet: #4c1d95; --grey-bg: #e9ecf0; --grey: #374151;
  --teal-bg: #dcf1f3; --teal: #134e4a;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif;
  font-size: 15px; line-height: 1.45; color: var(--ink); background: var(--soft);
}
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--page); padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: 1rem; top: .5rem; }
.wrap { max-width: 1480px; margin: 0 auto; padding: 0 1.5rem; }
.banner { background: var(--brand); color: #fff; }
.banner .wrap { display: flex; align-items: center; justify-content: space-between; gap: 1rem; min-height: 3.5rem; }
.brand { color: #fff; text-decoration: none; font-weight: 700; font-size: 1.1rem; letter-spacing: .01em; }
.brand span { font-weight: 400; color: #c9d6ea; margin-left: .4rem; }
.banner nav a { color: #fff; margin-left: 1.25rem; }
.conn { margin: 0; font-size: .85rem; color: #e5ecf6; display: flex; align-items: center; gap: .45rem; }
.conn::before { content: ""; width: .6rem; height: .6rem; border-radius: 50%; background: #9aa5b4; }
.conn[data-state="live"]::before { background: #4ade80; }
.conn[data-state="down"]::before { background: #f87171; }
main { padding: 1.25rem 1.5rem 2.5rem; }
h1 { font-size: 1.55rem; margin: .25rem 0 1rem; }
h2 { font-size: 1.12rem; margin: 0 0 .75rem; }
h3 { font-size: 1rem; margin: 0; }
.panel { background: var(--page); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.1rem; margin-bottom: 1.25rem; }
.panel-head { display: flex; align-items: baseline; justify-content: space-between; gap: 1rem; flex-wrap: wrap; }
.hint { color: var(--muted); font-size: .85rem; margin: 0 0 .75rem; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: .75rem; margin: 0 0 1rem; }
.stats div { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; }
.stats dt { font-size: .8rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.stats dd { margin: .15rem 0 0; font-size: 1.45rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.chips { list-style: none; display: flex; flex-wrap: wrap; gap: .5rem; margin: 0; padding: 0; }
.chips a { display: inline-flex; align-items: center; gap: .45rem; text-decoration: none; color: var(--ink);
  border: 1px solid var(--line); border-radius: 999px; padding: .2rem .35rem .2rem .25rem; background: var(--page); }
.chips a:hover { border-color: var(--accent); }
.chips strong { font-variant-numeric: tabular-nums; padding-right: .3rem; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 380px; gap: 1.25rem; align-items: start; }
@media (max-width: 1100px) { .layout { grid-template-columns: 1fr; } }
.filters { display: flex; flex-wrap: wrap; gap: .75rem .75rem; align-items: flex-end; margin-bottom: .9rem; }
.field { display: flex; flex-direction: column; gap: .2rem; }
.field label { font-size: .82rem; font-weight: 600; color: var(--muted); }
input, select, button { font: inherit; color: var(--ink); }
input, select { border: 1px solid #8a96a8; border-radius: 5px; padding: 0 .5rem; background: var(--page); height: 2.25rem; }
#f-holder { max-width: 15rem; }
input[type=date] { width: 9.6rem; }
button { border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 5px; padding: .35rem .9rem;
  height: 2.25rem; cursor: pointer; font-weight: 600; }
button.secondary { background: var(--page); color: var(--accent); }
button:disabled { background: var(--grey-bg); border-color: var(--line); color: #6b7280; cursor: default; }
.actions { display: flex; gap: .5rem; }
.table-scroll { overflow-x: auto; }
table.data { width: 100%; border-collapse: collapse; font-size: .9rem; }
table.data caption { text-align: left; font-weight: 600; color: var(--muted); padding: 0 0 .45rem; font-size: .85rem; }
table.data th, table.data td { padding: .42rem .55rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; white-space: nowrap; }
table.data thead th { background: var(--soft); font-size: .78rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); border-bottom: 2px solid var(--line); }
table.data tbody tr:hover { background: #f8fafc; }
table.data tbody th { font-weight: 600; }
.num { text-align: right !important; font-variant-numeric: tabular-nums; }
.empty { color: var(--muted); font-style: italic; }
.pager { display: flex; align-items: center; gap: .75rem; margin-top: .75rem; }
.pager > span { color: var(--muted); font-size: .88rem; }
.per-page { margin-left: auto; display: flex; align-items: center; gap: .5rem; }
.per-page label { font-size: .82rem; font-weight: 600; color: var(--muted); }
.badge { display: inline-block; border-radius: 999px; padding: .05rem .55rem; font-size: .78rem; font-weight: 650; white-space: nowrap;
  background: var(--grey-bg); color: var(--grey); border: 1px solid transparent; }
.s-Active, .s-Settled, .s-Paid { background: var(--ok-bg); color: var(--ok); }
.s-PendingAcceptance, .s-Requested, .s-Warning { background: var(--warn-bg); color: var(--warn); }
.s-InDeal, .s-Accepted, .s-Notice { background: var(--info-bg); color: var(--info); }
.s-Presented { background: var(--violet-bg); color: var(--violet); }
.s-Dishonored, .s-Rejected, .s-Critical, .s-Invalid { background: var(--bad-bg); color: var(--bad); }
.s-Frozen { background: var(--teal-bg); color: var(--teal); }
.s-Cancelled, .s-Split, .s-Expired { background: var(--grey-bg); color: var(--grey); }
.error { background: var(--bad-bg); color: var(--bad); border-radius: 6px; padding: .6rem .8rem; margin: 0 0 .75rem; }
.feed { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .6rem; }
.alert { border: 1px solid var(--line); border-left: 4px solid #94a3b8; border-radius: 6px; padding: .55rem .7rem; background: var(--page); }
.alert.sev-Notice { border-left-color: #2f5fc4; }
.alert.sev-Warning { border-left-color: #c27c0e; }
.alert.sev-Critical { border-left-color: #b91c1c; }
.alert.fresh { animation: arrive 2.4s ease-out; }
@keyframes arrive { from { background: #fff4c2; } to { background: var(--page); } }
@media (prefers-reduced-motion: reduce) { .alert.fresh { animation: none; } }
.alert-head { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
.rule { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .82rem; font-weight: 600; }
.alert time { margin-left: auto; color: var(--muted); font-size: .8rem; }
.alert p { margin: .3rem 0 0; }
.alert .meta { color: var(--muted); font-size: .82rem; }
.mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em; }
.crumbs { font-size: .88rem; margin: .25rem 0 .25rem; }
.title-row { display: flex; align-items: center; gap: .75rem; flex-wrap: wrap; }
.title-row h1 { margin-bottom: .5rem; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(210px, 1fr)); gap: .55rem 1.25rem; margin: 0; }
.facts dt { font-size: .78rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.facts dd { margin: .05rem 0 0; font-weight: 550; overflow-wrap: anywhere; }
.timeline { list-style: none; margin: 0; padding: 0 0 0 1.4rem; position: relative; }
.timeline::before { content: ""; position: absolute; left: .45rem; top: .4rem; bottom: .4rem; width: 2px; background: var(--line); }
.timeline > li { position: relative; margin-bottom: .8rem; border: 1px solid var(--line); border-radius: 6px; background: var(--page); padding: .6rem .8rem; }
.timeline > li::before { content: ""; position: absolute; left: -1.32rem; top: .9rem; width: .75rem; height: .75rem; border-radius: 50%;
  background: var(--accent); border: 2px solid var(--page); box-shadow: 0 0 0 1px var(--accent); }
.timeline > li.invalid { border-color: #e4a1a1; background: #fff7f7; }
.timeline > li.invalid::before { background: #b91c1c; box-shadow: 0 0 0 1px #b91c1c; }
.tl-head { display: flex; gap: .6rem; align-items: baseline; flex-wrap: wrap; }
.tl-head .when { margin-left: auto; color: var(--muted); font-size: .84rem; }
.tl-event { color: var(--muted); font-size: .85rem; }
.tl-facts { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: .35rem 1rem; margin: .45rem 0 0; font-size: .86rem; }
.tl-facts .wide { grid-column: span 2; }
.tl-facts .party { display: block; }
.tl-facts .identity { display: block; color: var(--muted); font-size: .8rem; }
@media (max-width: 800px) { .tl-facts { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
.tl-facts dt { color: var(--muted); font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; }
.tl-facts dd { margin: 0; overflow-wrap: anywhere; }
.invalid-note { color: var(--bad); font-weight: 600; margin: .35rem 0 0; font-size: .88rem; }
footer { color: var(--muted); font-size: .8rem; padding: 0 1.5rem 2rem; }
@media (max-width: 700px) { .wrap, main { padding-left: .8rem; padding-right: .8rem; } .tl-head .when { margin-left: 0; } }
""";
}
