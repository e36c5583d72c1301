namespace FabricFinance.Chaincode.Testing;

/// <summary>Settings of an <see cref="InMemoryLedger"/>: the channel it stands for, its clock and the peer's query limit.</summary>
public sealed class InMemoryLedgerOptions
{
    private string _channelId = "mychannel";
    private int _totalQueryLimit = 100_000;

    /// <summary>Gets or sets the channel name the stub reports (<see cref="IChaincodeStub.ChannelId"/>); <c>mychannel</c> unless set.</summary>
    /// <exception cref="ArgumentException">The value is empty.</exception>
    public string ChannelId
    {
        get => _channelId;
        set
        {
            ArgumentException.ThrowIfNullOrEmpty(value);
            _channelId = value;
        }
    }

    /// <summary>
    /// Gets or sets the clock that stamps transactions (their proposal timestamp, and so the history's
    /// timestamps) when <see cref="TransactionOptions.Timestamp"/> is not given. <see cref="TimeProvider.System"/>
    /// unless set; use a fake time provider for repeatable timestamps.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Gets or sets the most records one query returns, as the peer's <c>ledger.state.totalQueryLimit</c>
    /// (100000 in Fabric's sample <c>core.yaml</c>, which the test network uses). A query that reaches it
    /// ends there without an error; a page is cut there too.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int TotalQueryLimit
    {
        get => _totalQueryLimit;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _totalQueryLimit = value;
        }
    }
}
