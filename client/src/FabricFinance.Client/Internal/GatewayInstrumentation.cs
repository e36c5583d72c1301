using System.Diagnostics;
using System.Diagnostics.Metrics;
using FabricFinance.Client.Diagnostics;
using Grpc.Core;

namespace FabricFinance.Client.Internal;

/// <summary>
/// The client's traces and metrics: one <see cref="Activity"/> and one set of measurements per Gateway service call.
/// Names and tags are documented on <see cref="GatewayDiagnostics"/>.
/// </summary>
internal sealed class GatewayInstrumentation
{
    public static readonly ActivitySource ActivitySource = new(GatewayDiagnostics.ActivitySourceName, Version);

    private static readonly Lazy<GatewayInstrumentation> SharedInstance =
        new(() => new GatewayInstrumentation(new Meter(GatewayDiagnostics.MeterName, Version)));

    private readonly Counter<long> _requests;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _duration;

    private GatewayInstrumentation(Meter meter)
    {
        _requests = meter.CreateCounter<long>(GatewayDiagnostics.RequestsInstrument, "{call}", "Gateway service calls started.");
        _failures = meter.CreateCounter<long>(GatewayDiagnostics.FailuresInstrument, "{call}", "Gateway service calls that failed, timed out or were cancelled.");
        _duration = meter.CreateHistogram<double>(
            GatewayDiagnostics.DurationInstrument,
            "s",
            "Duration of Gateway service calls.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
    }

    private static string? Version => typeof(GatewayInstrumentation).Assembly.GetName().Version?.ToString();

    /// <summary>Creates the instrumentation of one gateway: on the factory's meter, or on the process-wide one.</summary>
    public static GatewayInstrumentation Create(IMeterFactory? meterFactory) =>
        meterFactory is null
            ? SharedInstance.Value
            : new GatewayInstrumentation(meterFactory.Create(new MeterOptions(GatewayDiagnostics.MeterName) { Version = Version }));

    /// <summary>Starts measuring a call; the activity, if anyone listens, becomes current.</summary>
    public CallScope Start(GatewayOperation operation, TransactionDescriptor transaction)
    {
        var tags = new TagList
        {
            { GatewayDiagnostics.OperationTag, OperationName(operation) },
            { GatewayDiagnostics.ChannelTag, transaction.ChannelName },
        };
        if (transaction.ChaincodeName is { } chaincode)
        {
            tags.Add(GatewayDiagnostics.ChaincodeTag, chaincode);
        }

        _requests.Add(1, tags);
        var activity = ActivitySource.StartActivity($"gateway.Gateway/{operation}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "grpc");
            activity.SetTag("rpc.service", "gateway.Gateway");
            activity.SetTag("rpc.method", operation.ToString());
            foreach (var tag in tags)
            {
                activity.SetTag(tag.Key, tag.Value);
            }

            activity.SetTag(GatewayDiagnostics.TransactionIdTag, transaction.TransactionId);
            if (transaction.TransactionName is { } name)
            {
                activity.SetTag(GatewayDiagnostics.TransactionNameTag, name);
            }
        }

        return new CallScope(this, activity, tags, Stopwatch.GetTimestamp());
    }

    private static string OperationName(GatewayOperation operation) => operation switch
    {
        GatewayOperation.Evaluate => "evaluate",
        GatewayOperation.Endorse => "endorse",
        GatewayOperation.Submit => "submit",
        GatewayOperation.CommitStatus => "commit_status",
        _ => operation.ToString().ToLowerInvariant(),
    };

    /// <summary>One call being measured. Exactly one of the completion methods is called, then <see cref="Dispose"/>.</summary>
    internal sealed class CallScope(GatewayInstrumentation owner, Activity? activity, TagList tags, long started) : IDisposable
    {
        private TagList _tags = tags;

        public Activity? Activity => activity;

        /// <summary>Gets the time the call took so far.</summary>
        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(started);

        public void Succeeded()
        {
            activity?.SetTag(GatewayDiagnostics.GrpcStatusCodeTag, (int)StatusCode.OK);
            Record(StatusCode.OK, failed: false);
        }

        public void Failed(StatusCode code, string detail)
        {
            if (activity is not null)
            {
                activity.SetTag(GatewayDiagnostics.GrpcStatusCodeTag, (int)code);
                activity.SetTag("error.type", code.ToString());
                activity.SetStatus(ActivityStatusCode.Error, detail);
            }

            Record(code, failed: true);
        }

        public void Cancelled()
        {
            if (activity is not null)
            {
                activity.SetTag(GatewayDiagnostics.GrpcStatusCodeTag, (int)StatusCode.Cancelled);
                activity.SetTag("error.type", nameof(StatusCode.Cancelled));
                activity.SetStatus(ActivityStatusCode.Error, "The call was cancelled.");
            }

            Record(StatusCode.Cancelled, failed: true);
        }

        /// <summary>Adds the outcome of a commit status call to its trace.</summary>
        public void SetCommitStatus(TransactionValidationCode code, ulong blockNumber)
        {
            activity?.SetTag(GatewayDiagnostics.TransactionStatusTag, code.ToString());
            activity?.SetTag(GatewayDiagnostics.BlockNumberTag, (long)blockNumber);
        }

        public void Dispose() => activity?.Dispose();

        private void Record(StatusCode code, bool failed)
        {
            _tags.Add(GatewayDiagnostics.GrpcStatusCodeTag, (int)code);
            owner._duration.Record(Elapsed.TotalSeconds, _tags);
            if (failed)
            {
                owner._failures.Add(1, _tags);
            }
        }
    }
}
