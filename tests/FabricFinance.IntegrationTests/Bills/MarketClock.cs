namespace FabricFinance.IntegrationTests.Bills;

/// <summary>
/// The bill market's clock for the tests: proposals carry its time, so it sets the chaincode's
/// business date (UTC+8). Unlike a fake clock it may be set backwards, because each test starts
/// its own bills at its own dates; the contract itself refuses time running backwards per record.
/// </summary>
internal sealed class MarketClock : TimeProvider
{
    private DateTimeOffset _now = TimeProvider.System.GetUtcNow();

    /// <summary>Sets the clock to <paramref name="hour"/>:00 in UTC+8 on <paramref name="businessDate"/>.</summary>
    public void SetBusinessDate(DateOnly businessDate, int hour = 10) =>
        _now = new DateTimeOffset(businessDate, new TimeOnly(hour, 0), TimeSpan.FromHours(8));

    public override DateTimeOffset GetUtcNow() => _now;
}
