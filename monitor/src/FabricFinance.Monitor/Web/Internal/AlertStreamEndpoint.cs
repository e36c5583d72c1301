using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using FabricFinance.Monitor.ReadModel;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace FabricFinance.Monitor.Web.Internal;

/// <summary>
/// <c>/api/alerts/stream</c>: the alert feed as server-sent events. Each alert is one <c>alert</c> event whose id is its
/// sequence number, so a browser that reconnects sends <c>Last-Event-ID</c> and resumes right after the last alert it
/// saw; a first connection may say where to start with <c>?after=</c>. A comment line keeps a quiet stream open.
/// </summary>
internal sealed class AlertStreamEndpoint(MonitorWebOptions options, ILogger logger)
{
    /// <summary>The request header a reconnecting event source sends.</summary>
    public const string LastEventIdHeader = "Last-Event-ID";

    private static readonly byte[] _keepAlive = ": keep-alive\n\n"u8.ToArray();

    /// <summary>Serves one stream until the client leaves or the feed ends.</summary>
    /// <returns>A 400 for a bad start, else an empty result once the stream has been written.</returns>
    public async Task<IResult> HandleAsync(HttpContext context, [FromServices] IAlertFeed feed)
    {
        var after = ReadStart(context.Request, out var problem);
        if (problem is not null)
        {
            return problem;
        }

        // End the stream when the client leaves or the host stops, so that shutdown does not wait on open streams.
        var stopping = context.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var cancellationToken = linked.Token;
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        MonitorWebLog.StreamOpened(logger, after);
        var sent = new StrongBox<long>();
        try
        {
            var retry = (long)options.ReconnectDelay.TotalMilliseconds;
            await WriteAsync(response, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"retry: {retry}\n\n")), cancellationToken)
                .ConfigureAwait(false);
            await RelayAsync(response, feed, after, sent, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or the host is stopping: the normal end of a stream.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            MonitorWebLog.StreamFailed(logger, ex);
        }

        MonitorWebLog.StreamClosed(logger, after, sent.Value);
        return Results.Empty;
    }

    private static long ReadStart(HttpRequest request, out IResult? problem)
    {
        problem = null;
        if (request.Headers.TryGetValue(LastEventIdHeader, out var header) && !string.IsNullOrWhiteSpace(header))
        {
            if (header.Count == 1 && long.TryParse(header[0], NumberStyles.None, CultureInfo.InvariantCulture, out var lastId))
            {
                return lastId;
            }

            var message = $"'{QueryReader.Clip(header.ToString())}' is not an alert sequence number (a whole number, 0 or more).";
            problem = TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [LastEventIdHeader] = [message] },
                detail: $"{LastEventIdHeader}: {message}",
                title: "The Last-Event-ID header is invalid.",
                type: "about:blank");
            return 0;
        }

        var reader = new QueryReader(request.Query);
        var after = reader.Number("after", 0, 0, long.MaxValue);
        if (reader.HasErrors)
        {
            problem = reader.Problem();
        }

        return after;
    }

    private async Task RelayAsync(HttpResponse response, IAlertFeed feed, long after, StrongBox<long> sent, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<MarketAlert>(
            new BoundedChannelOptions(256) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = PumpAsync(feed, after, channel.Writer, stop.Token);
        var last = after;
        try
        {
            var ready = channel.Reader.WaitToReadAsync(cancellationToken).AsTask();
            while (true)
            {
                var delay = Task.Delay(options.KeepAliveInterval, cancellationToken);
                if (await Task.WhenAny(ready, delay).ConfigureAwait(false) != ready)
                {
                    await delay.ConfigureAwait(false); // throws when the client left
                    await WriteAsync(response, _keepAlive, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!await ready.ConfigureAwait(false))
                {
                    break; // the feed ended
                }

                while (channel.Reader.TryRead(out var alert))
                {
                    if (alert.Sequence <= last)
                    {
                        continue; // never repeat what this stream already sent
                    }

                    await WriteAsync(response, Format(alert), cancellationToken).ConfigureAwait(false);
                    last = alert.Sequence;
                    sent.Value++;
                }

                ready = channel.Reader.WaitToReadAsync(cancellationToken).AsTask();
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await pump.ConfigureAwait(false);
        }

        await channel.Reader.Completion.ConfigureAwait(false); // surfaces a failure of the feed
    }

    private static async Task PumpAsync(IAlertFeed feed, long after, ChannelWriter<MarketAlert> writer, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            await foreach (var alert in feed.WatchAsync(after, cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteAsync(alert, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The stream is closing.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failure = ex;
        }

        writer.TryComplete(failure);
    }

    private static byte[] Format(MarketAlert alert)
    {
        var json = JsonSerializer.Serialize(alert, WebJson.Options);
        return Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"id: {alert.Sequence}\nevent: alert\ndata: {json}\n\n"));
    }

    private static async Task WriteAsync(HttpResponse response, byte[] bytes, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
