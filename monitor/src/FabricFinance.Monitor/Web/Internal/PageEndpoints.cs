using FabricFinance.Monitor.Web.Assets;

namespace FabricFinance.Monitor.Web.Internal;

/// <summary>The pages (the market at <c>/</c>, one bill at <c>/bills/{id}</c>) and the scripts and style they load.</summary>
internal static class PageEndpoints
{
    private const string Html = "text/html; charset=utf-8";

    private static readonly StaticAsset _market = new(Html, MarketPage.Html);
    private static readonly StaticAsset _bill = new(Html, BillPage.Html);

    private static readonly Dictionary<string, StaticAsset> _assets = new(StringComparer.Ordinal)
    {
        ["monitor.css"] = new("text/css; charset=utf-8", MonitorStyle.Css),
        ["common.js"] = new("text/javascript; charset=utf-8", CommonScript.Js),
        ["market.js"] = new("text/javascript; charset=utf-8", MarketScript.Js),
        ["bill.js"] = new("text/javascript; charset=utf-8", BillScript.Js),
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
