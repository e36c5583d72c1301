using System.Collections.Concurrent;
using FabricFinance.Bills.Client.Tests.Infrastructure;
using Hyperledger.Fabric.Protos.Peer;
using Microsoft.Extensions.Logging;

namespace FabricFinance.Bills.Client.Tests;

/// <summary>The client logs each transaction, refusal and conflict through the options' logger factory.</summary>
public sealed class BillMarketClientLoggingTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task Submit_CommittedRefusedAndConflicting_LogsEach()
    {
        // Arrange
        using var logs = new ListLoggerFactory();
        using var market = new TestMarket(new BillMarketClientOptions { LoggerFactory = logs });
        var calls = 0;
        market.Fake.Handler = _ => ++calls switch
        {
            1 => FakeOutcome.Ok(Samples.Bill()),
            2 => FakeOutcome.Refuse(BillErrorCode.Forbidden, "CoreCorp is not the acceptor of bill B1."),
            _ => FakeOutcome.Ok(Samples.Bill()) with { CommitCode = TxValidationCode.MvccReadConflict },
        };

        // Act
        await market.Market.AcceptBillAsync("B1");
        Assert.CatchAsync<BillForbiddenException>(() => market.Market.AcceptBillAsync("B1"));
        Assert.CatchAsync<BillConflictException>(() => market.Market.AcceptBillAsync("B1"));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(logs.Entries.Count(e => e.Message.StartsWith("Submitting AcceptBill", StringComparison.Ordinal)), Is.EqualTo(3));
            Assert.That(logs.Entries, Has.One.Matches<(LogLevel Level, string Message)>(e => e.Message.Contains("committed as transaction", StringComparison.Ordinal)));
            Assert.That(logs.Entries, Has.One.Matches<(LogLevel Level, string Message)>(e => e.Level == LogLevel.Information && e.Message.Contains("Forbidden: CoreCorp is not the acceptor", StringComparison.Ordinal)));
            Assert.That(logs.Entries, Has.One.Matches<(LogLevel Level, string Message)>(e => e.Level == LogLevel.Information && e.Message.Contains("lost a race", StringComparison.Ordinal)));
        });
    }

    private sealed class ListLoggerFactory : ILoggerFactory
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new ListLogger(Entries);

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(ConcurrentQueue<(LogLevel Level, string Message)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
