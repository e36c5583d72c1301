namespace FabricFinance.Monitor.Web.Internal;

/// <summary>The pages (the market at <c>/</c>, one bill at <c>/bills/{id}</c>) and the scripts and style they load.</summary>
internal static class PageEndpoints
{
    private const string Html = "text/html; charset=utf-8";

    private static readonly StaticAsset _market = StaticAsset.FromResource("market.html", Html);
    private static readonly StaticAsset _bill = StaticAsset.FromResource("bill.html", Html);

    private static readonly Dictionary<string, StaticAsset> _assets = new(StringComparer.Ordinal)
    {
        ["monitor.css"] = StaticAsset.FromResource("monitor.css", "text/css; charset=utf-8"),
        ["common.js"] = StaticAsset.FromResource("common.js", "text/javascript; charset=utf-8"),
        ["market.js"] = StaticAsset.FromResource("market.js", "text/javascript; charset=utf-8"),
        ["bill.js"] = StaticAsset.FromResource("bill.js", "text/javascript; charset=utf-8"),
    };

    /// <summary>Maps the pages and their assets.</summary>
    /// <param name="endpoints">Where to map them.</param>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context) => _market.Serve(context));
        endpoints.MapGet("/bills/{id}", (HttpContext context) => _bill.Serve(context));
        endpoints.MapGet("/assets/{name}", (string name, HttpContext context) =>
            _assets.TryGetValue(name, out var asset) ? asset.Serve(context) : Results.NotFound());
    }
}
