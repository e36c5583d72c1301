namespace FabricFinance.Monitor.Web.Tests.Support;

/// <summary>
/// A smoke check of a page's accessibility, run in the page: it returns one line per problem found (an empty list
/// means none). It checks what can be checked from the DOM alone, not a full audit.
/// </summary>
public static class AccessibilityProbe
{
    /// <summary>The script, for <c>IPage.EvaluateAsync&lt;string[]&gt;</c>.</summary>
    public const string Script = """
() => {
  const problems = [];
  const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? '[name=' + e.name + ']' : '');
  if (!document.documentElement.lang) problems.push('html has no lang');
  if (!document.title.trim()) problems.push('page has no title');
  if (document.querySelectorAll('main').length !== 1) problems.push('page needs exactly one main landmark');
  if (!document.querySelector('header, [role=banner]')) problems.push('page has no banner');
  if (!document.querySelector('h1')) problems.push('page has no h1');
  for (const input of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
    const labelled = input.labels && input.labels.length > 0 && [...input.labels].some(l => l.textContent.trim());
    if (!labelled && !input.getAttribute('aria-label') && !input.getAttribute('aria-labelledby')) problems.push(describe(input) + ' has no label');
  }
  for (const table of document.querySelectorAll('table')) {
    if (!table.caption || !table.caption.textContent.trim()) problems.push(describe(table) + ' has no caption');
    for (const th of table.querySelectorAll('th')) {
      if (!['col', 'row', 'colgroup', 'rowgroup'].includes(th.getAttribute('scope'))) problems.push(describe(table) + ' has a th without scope: ' + th.textContent.trim());
    }
  }
  for (const button of document.querySelectorAll('button')) {
    if (!button.textContent.trim() && !button.getAttribute('aria-label')) problems.push(describe(button) + ' has no name');
  }
  for (const link of document.querySelectorAll('a[href]')) {
    if (!link.textContent.trim() && !link.getAttribute('aria-label')) problems.push('a[href=' + link.getAttribute('href') + '] has no name');
  }
  for (const image of document.querySelectorAll('img')) {
    if (!image.hasAttribute('alt')) problems.push(describe(image) + ' has no alt');
  }
  const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problems.push('duplicate id ' + id);
  if (!document.querySelector('[aria-live]')) problems.push('page has no live region');
  for (const section of document.querySelectorAll('section, aside, nav')) {
    const name = section.getAttribute('aria-label') || section.getAttribute('aria-labelledby');
    if (!name) problems.push(describe(section) + ' landmark has no name');
  }
  return problems;
}
""";
}
