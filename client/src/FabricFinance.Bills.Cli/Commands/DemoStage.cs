using FabricFinance.Bills.Cli.Connection;
using FabricFinance.Bills.Cli.Output;
using FabricFinance.Bills.Client;
using FabricFinance.Client.Errors;
using Spectre.Console;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary>
/// Where the demo acts: each action connects as one of the network's identities (through fabfin's own connector, to
/// that identity's peer), with the proposal timestamp set by the demo's clock, and prints one line: who did what, and
/// in which block and transaction. After each commit it waits until every peer has the block, as fabfin does, so the
/// next actor, on another peer, sees it.
/// </summary>
internal sealed class DemoStage
{
    /// <summary>How often a submit is tried until the first one commits (see <see cref="SubmitAsync{T}"/>).</summary>
    private const int WarmUpAttempts = 30;

    private readonly IAnsiConsole _console;
    private readonly MarketConnector _connector;
    private readonly LedgerSync _sync;
    private readonly DemoSettings _settings;
    private readonly NetworkProfile _profile;
    private readonly IdentityDirectory _identities;
    private readonly Dictionary<string, ulong> _blocks = new(StringComparer.Ordinal);
    private DateOnly _date;
    private int _minute;
    private bool _announced;

    public DemoStage(IAnsiConsole console, MarketConnector connector, LedgerSync sync, DemoSettings settings, DateOnly start)
    {
        _console = console;
        _connector = connector;
        _sync = sync;
        _settings = settings;
        (_profile, _identities) = connector.LoadDirectory(settings.Network);
        _date = start;
    }

    /// <summary>Gets the network's description.</summary>
    public NetworkProfile Profile => _profile;

    /// <summary>Gets the channel the demo runs on.</summary>
    public string Channel => _settings.Channel ?? _profile.Channel;

    /// <summary>Gets the bill chaincode's name.</summary>
    public string Chaincode => _settings.Chaincode;

    /// <summary>Gets how many transactions committed.</summary>
    public int Transactions => _blocks.Count;

    /// <summary>Gets the first and last block of the demo's transactions; <see langword="null"/> before the first.</summary>
    public (ulong First, ulong Last)? Blocks => _blocks.Count == 0 ? null : (_blocks.Values.Min(), _blocks.Values.Max());

    /// <summary>Checks that every actor is a name of the network (before anything is sent).</summary>
    /// <exception cref="Infrastructure.CliUsageException">A name network.json does not have.</exception>
    public void RequireIdentities(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            _ = _identities.Resolve(name);
        }
    }

    /// <summary>Gets the identity a name stands for.</summary>
    public CliIdentity Identity(string actor) => _identities.Resolve(actor);

    /// <summary>Moves the business date forward (never backwards) and says so.</summary>
    /// <exception cref="InvalidOperationException">The date is before the current one.</exception>
    public void MoveTo(DateOnly date)
    {
        if (date < _date)
        {
            throw new InvalidOperationException($"The demo's clock cannot go back from {Format.Date(_date)} to {Format.Date(date)}.");
        }

        if (date != _date)
        {
            _date = date;
            _minute = 0;
            _announced = false;
        }

        if (!_announced)
        {
            _console.MarkupLine($"[grey]business date {Format.Date(date)} (UTC+8)[/]");
            _announced = true;
        }
    }

    /// <summary>The block a transaction of this demo committed in, if it was one of them.</summary>
    public ulong? BlockOf(string transactionId) => _blocks.TryGetValue(transactionId, out var block) ? block : null;

    /// <summary>
    /// Submits as <paramref name="actor"/> at the current business date, prints <c>who → what → block N, tx …</c>, and
    /// waits until every peer has the block. Until the first transaction of the demo commits, an endorsement failure
    /// (not a refusal by the contract) is retried every second: right after a deploy, a peer's discovery may not yet
    /// know that the other orgs' peers run the chaincode. A chaincode the channel does not have fails at once.
    /// </summary>
    public async Task<Committed<T>> SubmitAsync<T>(
        string actor,
        string what,
        string? detail,
        Func<BillMarketClient, CancellationToken, Task<Committed<T>>> submit,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = Open(actor, via: null);
            try
            {
                var committed = await submit(session.Market, cancellationToken);
                _blocks[committed.TransactionId] = committed.BlockNumber;
                _console.MarkupLine(
                    $"{Who(actor)} [grey]→[/] {what} [grey]→[/] block {committed.BlockNumber}, tx {Markup.Escape(Format.ShortTx(committed.TransactionId))}");
                Detail(detail);
                await _sync.WaitForBlockAsync(session.Profile, session.Market.Network.Name, committed.BlockNumber, cancellationToken);
                return committed;
            }
            catch (EndorseException ex) when (_blocks.Count == 0 && attempt < WarmUpAttempts && !IsUnknownChaincode(ex))
            {
                _console.MarkupLine($"[grey]{Markup.Escape(actor)}: endorsement failed ({Markup.Escape(ex.Message)}); the peers may still be learning about the chaincode, retrying in 1 s[/]");
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Whether discovery says the channel has no such chaincode (a wrong <c>--chaincode</c>, or no deploy): waiting will
    /// not help.
    /// </summary>
    private static bool IsUnknownChaincode(EndorseException exception) =>
        exception.Message.Contains("No metadata was found for chaincode", StringComparison.Ordinal)
        || exception.Details.Any(d => d.Message.Contains("No metadata was found for chaincode", StringComparison.Ordinal));

    /// <summary>
    /// Evaluates a query as <paramref name="actor"/>, through the peer of <paramref name="via"/> if given, and prints
    /// who asked what.
    /// </summary>
    public async Task<T> QueryAsync<T>(
        string actor,
        string? via,
        string what,
        string? detail,
        Func<BillMarketClient, CancellationToken, Task<T>> query,
        CancellationToken cancellationToken)
    {
        await using var session = Open(actor, via);
        var result = await query(session.Market, cancellationToken);
        _console.MarkupLine($"{Who(actor, via)} [grey]→[/] {what}");
        Detail(detail);
        return result;
    }

    /// <summary>Reads without printing a line (the demo's own look at a record).</summary>
    public async Task<T> ReadAsync<T>(string actor, Func<BillMarketClient, CancellationToken, Task<T>> query, CancellationToken cancellationToken)
    {
        await using var session = Open(actor, via: null);
        return await query(session.Market, cancellationToken);
    }

    /// <summary>
    /// Runs a call the contract must refuse with <typeparamref name="TRefusal"/>, and prints the refusal as fabfin prints
    /// it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The contract did not refuse it.</exception>
    public async Task<TRefusal> RefusedAsync<TRefusal, T>(
        string actor,
        string what,
        Func<BillMarketClient, CancellationToken, Task<T>> call,
        CancellationToken cancellationToken)
        where TRefusal : BillMarketException
    {
        await using var session = Open(actor, via: null);
        try
        {
            await call(session.Market, cancellationToken);
        }
        catch (TRefusal refusal)
        {
            _console.MarkupLine($"{Who(actor)} [grey]→[/] {what} [grey]→[/] refused:");
            ErrorReport.Write(_console, refusal);
            return refusal;
        }

        throw new InvalidOperationException($"{actor}: {Markup.Remove(what)} should have been refused, and was not.");
    }

    /// <summary>Prints a line for an action that did not need a transaction (<c>who → what → outcome</c>).</summary>
    public void Said(string actor, string what, string outcome) =>
        _console.MarkupLine($"{Who(actor)} [grey]→[/] {what} [grey]→[/] {outcome}");

    /// <summary>Prints what an action was about, under its line.</summary>
    private void Detail(string? markup)
    {
        if (markup is not null)
        {
            _console.MarkupLine($"  [grey]{markup}[/]");
        }
    }

    /// <summary><c>Name (User@MSP)</c>, with the peer it goes through when not its own.</summary>
    public string Who(string actor, string? via = null)
    {
        var identity = _identities.Resolve(actor);
        var through = via is null ? string.Empty : $", through {via}'s peer";
        return $"[bold]{Markup.Escape(identity.Name)}[/] [grey]({Markup.Escape(identity.User)}@{Markup.Escape(identity.MspId)}{Markup.Escape(through)})[/]";
    }

    private MarketSession Open(string actor, string? via)
    {
        // Every action is a minute after the one before on the same business date, so the bill's history reads in order.
        var at = new DateTimeOffset(_date.ToDateTime(new TimeOnly(9, 0)), BusinessCalendar.Offset).AddMinutes(_minute++);
        var settings = new MarketSettings
        {
            As = actor,
            Via = via,
            Network = _settings.Network,
            Channel = _settings.Channel,
            Chaincode = _settings.Chaincode,
        };
        return _connector.Open(settings, at);
    }
}
