using FabricFinance.Bills;
using FabricFinance.Monitor.ReadModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FabricFinance.Monitor.Web.Internal;

/// <summary>The JSON API over <see cref="IMonitorQueries"/>: what the pages fetch, and what scripts may call.</summary>
internal static class ApiEndpoints
{
    /// <summary>The largest page of bills or deals.</summary>
    public const int MaxPageSize = 200;

    /// <summary>The largest page of alerts.</summary>
    public const int MaxAlertPage = 500;

    /// <summary>Maps the API under <paramref name="api"/>.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/overview", GetOverviewAsync);
        api.MapGet("/bills", GetBillsAsync);
        api.MapGet("/bills/{id}", GetBillAsync);
        api.MapGet("/deals", GetDealsAsync);
        api.MapGet("/alerts", GetAlertsAsync);
        api.MapGet("/parties", GetPartiesAsync);
    }

    private static async Task<IResult> GetOverviewAsync([FromServices] IMonitorQueries queries, CancellationToken cancellationToken)
    {
        var overview = await queries.GetOverviewAsync(cancellationToken).ConfigureAwait(false);
        return Json(overview);
    }

    private static async Task<IResult> GetBillsAsync(
        HttpRequest request, [FromServices] IMonitorQueries queries, CancellationToken cancellationToken)
    {
        var reader = new QueryReader(request.Query);
        var status = reader.Enum<BillStatus>("status", "bill status");
        var holder = reader.PartyId("holder");
        var dueFrom = reader.Date("dueFrom");
        var dueTo = reader.Date("dueTo");
        var offset = (int)reader.Number("offset", 0, 0, int.MaxValue);
        var limit = (int)reader.Number("limit", 50, 1, MaxPageSize);
        if (dueFrom is { } from && dueTo is { } to && to < from)
        {
            reader.Fail("dueTo", $"{to:yyyy-MM-dd} is before dueFrom {from:yyyy-MM-dd}.");
        }

        if (reader.HasErrors)
        {
            return reader.Problem();
        }

        var page = await queries.QueryBillsAsync(new BillQuery(status, holder, dueFrom, dueTo, offset, limit), cancellationToken)
            .ConfigureAwait(false);
        return Json(page);
    }

    private static async Task<IResult> GetBillAsync(
        string id, [FromServices] IMonitorQueries queries, CancellationToken cancellationToken)
    {
        if (!BillRules.IsValidBillReference(id))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["id"] = [$"'{QueryReader.Clip(id)}' is not a bill id."] },
                detail: $"id: '{QueryReader.Clip(id)}' is not a bill id (1 to 64 letters, digits, '_' or '-', then '.1' or '.2' per split).",
                title: "The bill id is invalid.",
                type: "about:blank");
        }

        var timeline = await queries.GetBillTimelineAsync(id, cancellationToken).ConfigureAwait(false);
        if (timeline is null)
        {
            return TypedResults.Problem(
                detail: $"The monitor holds no bill with id '{id}'.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Bill not found.",
                type: "about:blank",
                extensions: new Dictionary<string, object?> { ["billId"] = id });
        }

        return Json(timeline);
    }

    private static async Task<IResult> GetDealsAsync(
        HttpRequest request, [FromServices] IMonitorQueries queries, CancellationToken cancellationToken)
    {
        var reader = new QueryReader(request.Query);
        var billId = reader.BillId("billId");
        var status = reader.Enum<DealStatus>("status", "deal status");
        var offset = (int)reader.Number("offset", 0, 0, int.MaxValue);
        var limit = (int)reader.Number("limit", 50, 1, MaxPageSize);
        if (reader.HasErrors)
        {
            return reader.Problem();
        }

        var deals = await queries.QueryDealsAsync(new DealQuery(billId, status, offset, limit), cancellationToken)
            .ConfigureAwait(false);
        return Json(new DealListPage(deals, offset, limit));
    }

    private static async Task<IResult> GetAlertsAsync(
        HttpRequest request, [FromServices] IMonitorQueries queries, CancellationToken cancellationToken)
    {
        var reader = new QueryReader(request.Query);
        var after = reader.Number("after", 0, 0, long.MaxValue);
        var limit = (int)reader.Number("limit", 100, 1, MaxAlertPage);
        if (reader.HasErrors)
        {
            return reader.Problem();
        }

        var alerts = await queries.GetAlertsAsync(after, limit, cancellationToken).ConfigureAwait(false);
        return Json(new AlertListPage(alerts, after, limit));
    }

    private static async Task<IResult> GetPartiesAsync([FromServices] IMonitorQueries queries, CancellationToken cancellationToken)
    {
        var parties = await queries.GetPartiesAsync(cancellationToken).ConfigureAwait(false);
        return Json(parties);
    }

    private static JsonHttpResult<T> Json<T>(T value) => TypedResults.Json(value, WebJson.Options);
}
