using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using FabricFinance.Client.Diagnostics;
using FabricFinance.Client.Errors;
using FabricFinance.Client.Tests.Infrastructure;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Gateway;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Client.Tests.Diagnostics;

/// <summary>Traces and metrics, observed the way an OpenTelemetry SDK would: an ActivityListener and a MeterListener.</summary>
[NonParallelizable]
public class GatewayDiagnosticsTests
{
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private ActivityListener _activityListener = null!;
    private MeterListener _meterListener = null!;
    private TestMeterFactory _meterFactory = null!;

    [SetUp]
    public void Listen()
    {
        _activities.Clear();
        _measurements.Clear();
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GatewayDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activityListener);

        _meterFactory = new TestMeterFactory();
        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, _meterFactory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue(new Measurement(instrument.Name, value, ToDictionary(tags))));
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measurements.Enqueue(new Measurement(instrument.Name, value, ToDictionary(tags))));
        _meterListener.Start();
    }

    [TearDown]
    public void StopListening()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
        _meterFactory.Dispose();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task EvaluateAsync_Success_OneClientSpanWithTransactionTags()
    {
        // Arrange
        using var test = NewGateway();
        var proposal = test.Network.GetContract(TestGateway.ChaincodeName, "BillContract").NewProposal("ReadBill");

        // Act
        await proposal.EvaluateAsync().DefaultTimeout();

        // Assert
        var span = SpansOf(proposal.TransactionId).Single();
        Assert.Multiple(() =>
        {
            Assert.That(span.OperationName, Is.EqualTo("gateway.Gateway/Evaluate"));
            Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(span.GetTagItem("rpc.system"), Is.EqualTo("grpc"));
            Assert.That(span.GetTagItem("rpc.method"), Is.EqualTo("Evaluate"));
            Assert.That(span.GetTagItem(GatewayDiagnostics.ChannelTag), Is.EqualTo(TestGateway.ChannelName));
            Assert.That(span.GetTagItem(GatewayDiagnostics.ChaincodeTag), Is.EqualTo(TestGateway.ChaincodeName));
            Assert.That(span.GetTagItem(GatewayDiagnostics.TransactionNameTag), Is.EqualTo("BillContract:ReadBill"));
            Assert.That(span.GetTagItem(GatewayDiagnostics.GrpcStatusCodeTag), Is.EqualTo(0));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task SubmitAsync_CommittedInvalid_SpansForEachCallAndCommitStatusTags()
    {
        // Arrange
        using var test = NewGateway();
        test.Invoker.CommitStatus = (_, _) => Task.FromResult(FabricResponses.Committed(TxValidationCode.MvccReadConflict, 12));

        // Act
        Assert.ThrowsAsync<CommitException>(async () => await test.Contract.SubmitAsync("Issue").DefaultTimeout());

        // Assert
        var transactionId = test.Invoker.RequestsOf<EndorseRequest>().Single().TransactionId;
        var spans = SpansOf(transactionId);
        var commit = spans.Single(s => s.OperationName == "gateway.Gateway/CommitStatus");
        Assert.Multiple(() =>
        {
            Assert.That(spans.Select(s => s.OperationName), Is.EqualTo(new[] { "gateway.Gateway/Endorse", "gateway.Gateway/Submit", "gateway.Gateway/CommitStatus" }));
            Assert.That(spans.Select(s => s.GetTagItem(GatewayDiagnostics.TransactionNameTag)), Is.All.EqualTo("Issue"));
            Assert.That(commit.GetTagItem(GatewayDiagnostics.TransactionStatusTag), Is.EqualTo("MvccReadConflict"));
            Assert.That(commit.GetTagItem(GatewayDiagnostics.BlockNumberTag), Is.EqualTo(12L));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public void EndorseAsync_PeerFails_SpanHasErrorStatusAndFailureIsCounted()
    {
        // Arrange
        using var test = NewGateway();
        test.Invoker.Endorse = (_, _) => Task.FromException<EndorseResponse>(FabricResponses.RpcFailure(StatusCode.Aborted, "policy failure"));
        var proposal = test.Contract.NewProposal("Issue");

        // Act
        Assert.ThrowsAsync<EndorseException>(async () => await proposal.EndorseAsync().DefaultTimeout());

        // Assert
        var span = SpansOf(proposal.TransactionId).Single();
        var failures = MeasurementsOf(GatewayDiagnostics.FailuresInstrument);
        Assert.Multiple(() =>
        {
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(span.StatusDescription, Is.EqualTo("policy failure"));
            Assert.That(span.GetTagItem(GatewayDiagnostics.GrpcStatusCodeTag), Is.EqualTo((int)StatusCode.Aborted));
            Assert.That(failures, Has.Count.EqualTo(1));
            Assert.That(failures[0].Tags[GatewayDiagnostics.OperationTag], Is.EqualTo("endorse"));
            Assert.That(failures[0].Tags[GatewayDiagnostics.GrpcStatusCodeTag], Is.EqualTo((int)StatusCode.Aborted));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task SubmitAsync_Success_RequestsAndDurationsPerOperationWithoutFailures()
    {
        // Arrange
        using var test = NewGateway();

        // Act
        await test.Contract.SubmitTransactionAsync("Issue", ["bill-1"]).DefaultTimeout();
        await test.Contract.EvaluateTransactionAsync("ReadBill", ["bill-1"]).DefaultTimeout();

        // Assert
        var requests = MeasurementsOf(GatewayDiagnostics.RequestsInstrument);
        var durations = MeasurementsOf(GatewayDiagnostics.DurationInstrument);
        Assert.Multiple(() =>
        {
            Assert.That(requests.Select(m => m.Tags[GatewayDiagnostics.OperationTag]), Is.EqualTo(new[] { "endorse", "submit", "commit_status", "evaluate" }));
            Assert.That(requests.Select(m => m.Value), Is.All.EqualTo(1));
            Assert.That(requests.Select(m => m.Tags[GatewayDiagnostics.ChannelTag]), Is.All.EqualTo(TestGateway.ChannelName));
            Assert.That(requests.Select(m => m.Tags[GatewayDiagnostics.ChaincodeTag]), Is.All.EqualTo(TestGateway.ChaincodeName));
            Assert.That(requests.Select(m => m.Tags.ContainsKey(GatewayDiagnostics.TransactionIdTag)), Is.All.False, "no transaction ids on metrics");
            Assert.That(durations, Has.Count.EqualTo(4));
            Assert.That(durations.Select(m => m.Value), Is.All.GreaterThanOrEqualTo(0));
            Assert.That(durations.Select(m => m.Tags[GatewayDiagnostics.GrpcStatusCodeTag]), Is.All.EqualTo(0));
            Assert.That(MeasurementsOf(GatewayDiagnostics.FailuresInstrument), Is.Empty);
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public void EvaluateAsync_Cancelled_SpanErrorAndFailureTaggedCancelled()
    {
        // Arrange
        using var test = NewGateway();
        test.Invoker.Evaluate = (_, options) => FakeGatewayInvoker.UntilCancelled<EvaluateResponse>(options);
        using var cancellation = new CancellationTokenSource();
        var proposal = test.Contract.NewProposal("ReadBill");
        var evaluation = proposal.EvaluateAsync(cancellation.Token);

        // Act
        cancellation.Cancel();

        // Assert
        Assert.CatchAsync<OperationCanceledException>(async () => await evaluation.DefaultTimeout());
        var span = SpansOf(proposal.TransactionId).Single();
        Assert.Multiple(() =>
        {
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(span.GetTagItem(GatewayDiagnostics.GrpcStatusCodeTag), Is.EqualTo((int)StatusCode.Cancelled));
            Assert.That(MeasurementsOf(GatewayDiagnostics.FailuresInstrument).Single().Tags[GatewayDiagnostics.GrpcStatusCodeTag], Is.EqualTo((int)StatusCode.Cancelled));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetStatusAsync_OfflineSignedCommit_SpanHasChannelButNoChaincode()
    {
        // Arrange
        using var test = NewGateway();
        var submitted = await test.Contract.StartSubmitAsync("Issue").DefaultTimeout();
        var commit = test.Gateway.NewSignedCommit(submitted.GetBytes(), await test.User.Signer.SignAsync(submitted.GetDigest()));

        // Act
        await commit.GetStatusAsync().DefaultTimeout();

        // Assert
        var span = SpansOf(commit.TransactionId).Single(s => s.OperationName == "gateway.Gateway/CommitStatus");
        Assert.Multiple(() =>
        {
            Assert.That(span.GetTagItem(GatewayDiagnostics.ChannelTag), Is.EqualTo(TestGateway.ChannelName));
            Assert.That(span.GetTagItem(GatewayDiagnostics.ChaincodeTag), Is.Null);
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task EndorseAsync_OfflineSignedProposal_SpanReadsChaincodeAndNameFromTheBytes()
    {
        // Arrange
        using var test = NewGateway(withSigner: false);
        var unsigned = test.Contract.NewProposal("Issue", new ProposalOptions().AddArguments("bill-1"));
        var proposal = test.Gateway.NewSignedProposal(unsigned.GetBytes(), await test.User.Signer.SignAsync(unsigned.GetDigest()));

        // Act
        await proposal.EndorseAsync().DefaultTimeout();

        // Assert
        var span = SpansOf(proposal.TransactionId).Single();
        Assert.Multiple(() =>
        {
            Assert.That(span.GetTagItem(GatewayDiagnostics.ChaincodeTag), Is.EqualTo(TestGateway.ChaincodeName));
            Assert.That(span.GetTagItem(GatewayDiagnostics.TransactionNameTag), Is.EqualTo("Issue"));
        });
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var dictionary = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            dictionary[key] = value;
        }

        return dictionary;
    }

    private TestGateway NewGateway(bool withSigner = true) =>
        new(withSigner, options => options.MeterFactory = _meterFactory);

    private List<Activity> SpansOf(string transactionId) =>
        [.. _activities.Where(a => Equals(a.GetTagItem(GatewayDiagnostics.TransactionIdTag), transactionId))];

    private List<Measurement> MeasurementsOf(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    private sealed record Measurement(string Instrument, double Value, Dictionary<string, object?> Tags);
}
