using FabricFinance.Bills;
using FabricFinance.Bills.Client;
using FabricFinance.IntegrationTests.Bills;

namespace FabricFinance.IntegrationTests.Resilience.Faults;

/// <summary>
/// A small load generator: <c>workers</c> concurrent clients, each with its own gateway sessions
/// for the drawer (CoreCorp), the acceptor (BankA) and the holder (SupplierA), running bill flows
/// on fresh bills until stopped: issue → accept → endorse to SupplierB; with
/// <see cref="LoadMix.Mixed"/> every other flow is a discount instead (issue → accept →
/// RequestDiscount to BankA → AcceptDeal → SettleDeal by the exchange), and each flow ends with a
/// query. Each step waits until the endorsing peers have the previous step's block
/// (<see cref="PeerHeights"/>). A failed step is recorded (<see cref="LoadRecorder"/>) and ends its
/// flow; the worker pauses briefly and starts a fresh bill.
/// </summary>
internal sealed class BillFlowLoad : IAsyncDisposable
{
    private static readonly TimeSpan FailurePause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan UtcPlus8 = TimeSpan.FromHours(8);

    private readonly string _label;
    private readonly LoadMix _mix;
    private readonly CancellationToken _abort;
    private readonly CancellationTokenSource _stopping = new();
    private readonly PeerHeights _heights = new();
    private readonly Task[] _workers;
    private int _stopped;

    private BillFlowLoad(string label, int workers, LoadMix mix, LoadRecorder recorder, CancellationToken abort)
    {
        _label = label;
        _mix = mix;
        _abort = abort;
        Recorder = recorder;
        BillIdPrefix = $"{label}-{Market.RunId}-";
        _workers = [.. Enumerable.Range(0, workers).Select(i => Task.Run(() => RunWorkerAsync(i), CancellationToken.None))];
    }

    public LoadRecorder Recorder { get; }

    /// <summary>Gets the prefix of every bill id this load issues (<c>{label}-{run}-</c>).</summary>
    public string BillIdPrefix { get; }

    /// <summary>Starts <paramref name="workers"/> workers; <paramref name="abort"/> cancels even the transactions in flight.</summary>
    public static BillFlowLoad Start(string label, int workers, LoadRecorder recorder, CancellationToken abort, LoadMix mix = LoadMix.Endorse) =>
        new(label, workers, mix, recorder, abort);

    /// <summary>Lets every worker finish the transaction it has in flight, then stops them.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _stopping.CancelAsync();
        }

        await Task.WhenAll(_workers);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            await _heights.DisposeAsync();
            _stopping.Dispose();
        }
    }

    private static DateOnly Today() => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(UtcPlus8).DateTime);

    private async Task RunWorkerAsync(int worker)
    {
        using var drawer = LoadSession.Enterprise("CoreCorp");
        using var acceptor = LoadSession.Institution(Market.BankAId, FabricNetwork.BankA);
        using var holder = LoadSession.Enterprise("SupplierA");
        using var exchange = LoadSession.Institution(Market.ExchangeId, FabricNetwork.Exchange);
        for (var flow = 0; !_stopping.IsCancellationRequested && !_abort.IsCancellationRequested; flow++)
        {
            var billId = Market.NewId($"{_label}-w{worker}");
            var discount = _mix == LoadMix.Mixed && flow % 2 == 1;
            var request = new IssueBillRequest(billId, BillKind.Bank, holder.PartyId, Market.BankAId, 1_000_000 + worker, Today().AddDays(90), Transferable: true);
            var done = await StepAsync("IssueBill", billId, ct => drawer.Bills.IssueBillAsync(request, ct))
                && await StepAsync("AcceptBill", billId, ct => acceptor.Bills.AcceptBillAsync(billId, ct));
            if (done && !discount)
            {
                done = await StepAsync("EndorseBill", billId, ct => holder.Bills.EndorseBillAsync(billId, "SupplierB", cancellationToken: ct), sync: false);
            }
            else if (done)
            {
                var dealId = billId + "-d";
                done = await StepAsync("RequestDiscount", billId, ct => holder.Bills.RequestDiscountAsync(new DealRequest(dealId, billId, Market.BankAId), 300, ct))
                    && await StepAsync("AcceptDeal", billId, ct => acceptor.Bills.AcceptDealAsync(dealId, ct))
                    && await StepAsync("SettleDeal", billId, ct => exchange.Bills.SettleDealAsync(dealId, "PAY-" + billId, ct), sync: false);
            }

            if (done && _mix == LoadMix.Mixed)
            {
                await QueryAsync(billId, holder.Bills);
            }
        }
    }

    /// <summary>Runs one submit of a flow unless the load is stopping; records it; false when the flow should end.</summary>
    private async Task<bool> StepAsync<T>(string transaction, string billId, Func<CancellationToken, Task<Committed<T>>> submit, bool sync = true)
    {
        if (_stopping.IsCancellationRequested || _abort.IsCancellationRequested)
        {
            return false;
        }

        Recorder.Attempt(transaction);
        var started = Recorder.Now;
        Committed<T> committed;
        try
        {
            committed = await submit(_abort);
        }
        catch (Exception ex) when (!_abort.IsCancellationRequested)
        {
            Recorder.Failed(transaction, billId, ex, started);
            await PauseAsync();
            return false;
        }

        Recorder.Committed(transaction, billId, committed.TransactionId, committed.BlockNumber, started);
        if (sync)
        {
            await _heights.WaitForBlockAsync(committed.BlockNumber, _abort);
        }

        return true;
    }

    private async Task QueryAsync(string billId, BillMarketClient client)
    {
        Recorder.Attempt("GetBill");
        var started = Recorder.Now;
        try
        {
            await client.GetBillAsync(billId, _abort);
        }
        catch (Exception ex) when (!_abort.IsCancellationRequested)
        {
            Recorder.Failed("GetBill", billId, ex, started);
            await PauseAsync();
        }
    }

    private async Task PauseAsync()
    {
        try
        {
            await Task.Delay(FailurePause, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // stopping: no pause needed
        }
    }
}

/// <summary>What a <see cref="BillFlowLoad"/> runs.</summary>
internal enum LoadMix
{
    /// <summary>Only issue → accept → endorse flows.</summary>
    Endorse,

    /// <summary>Endorse flows and discount flows (request, accept, settle) in turn, each followed by a query.</summary>
    Mixed,
}
