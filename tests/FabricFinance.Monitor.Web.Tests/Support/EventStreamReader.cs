using System.Text;

namespace FabricFinance.Monitor.Web.Tests.Support;

/// <summary>Reads <c>text/event-stream</c> as the HTML standard frames it: fields per line, events ended by a blank line.</summary>
public sealed class EventStreamReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    /// <summary>Reads the next event or comment; fields other than id, event and data (e.g. retry) are skipped.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The event.</returns>
    /// <exception cref="EndOfStreamException">The stream ended.</exception>
    public async Task<ServerSentEvent> ReadAsync(CancellationToken cancellationToken)
    {
        string? id = null, name = null, comment = null;
        StringBuilder? data = null;
        var any = false;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("the event stream ended.");
            if (line.Length == 0)
            {
                if (any)
                {
                    return new ServerSentEvent(id, name, data?.ToString(), comment);
                }

                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "":
                    comment = value;
                    any = true;
                    break;
                case "id":
                    id = value;
                    any = true;
                    break;
                case "event":
                    name = value;
                    any = true;
                    break;
                case "data":
                    data = data is null ? new StringBuilder(value) : data.Append('\n').Append(value);
                    any = true;
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Reads until an event that is not a comment.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The event.</returns>
    public async Task<ServerSentEvent> ReadEventAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = await ReadAsync(cancellationToken);
            if (next.Comment is null)
            {
                return next;
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _reader.Dispose();
}
