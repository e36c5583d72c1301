using FabricFinance.Bills.Cli.Connection;
using FabricFinance.Bills.Cli.Infrastructure;

namespace FabricFinance.Bills.Client.Tests.Cli;

/// <summary>--at takes ISO-8601 timestamps; without an offset they are market time (UTC+8).</summary>
public sealed class TimestampsTests
{
    [TestCase("2026-07-01T09:30:00+08:00", "2026-07-01T01:30:00Z")]
    [TestCase("2026-07-01T01:30:00Z", "2026-07-01T01:30:00Z")]
    [TestCase("2026-07-01T09:30:00", "2026-07-01T01:30:00Z")]
    [TestCase("2026-07-01T09:30:00.250-05:00", "2026-07-01T14:30:00.25Z")]
    [TestCase("2026-07-01", "2026-07-01T04:00:00Z")]
    public void Parse_Timestamp_GivesTheInstant(string text, string utc)
    {
        // Act
        var parsed = Timestamps.Parse(text);

        // Assert
        Assert.That(parsed.UtcDateTime, Is.EqualTo(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal)));
    }

    [TestCase("tomorrow")]
    [TestCase("2026-13-01")]
    [TestCase("01/07/2026")]
    [TestCase("")]
    public void Parse_NotATimestamp_ThrowsUsage(string text)
    {
        // Act / Assert
        Assert.Throws<CliUsageException>(() => Timestamps.Parse(text));
    }

    [Test]
    public void FixedTimeProvider_Instant_IsAlwaysNowInUtc()
    {
        // Arrange
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 7, 1, 9, 30, 0, TimeSpan.FromHours(8)));

        // Act
        var now = clock.GetUtcNow();

        // Assert
        Assert.That(now, Is.EqualTo(new DateTimeOffset(2026, 7, 1, 1, 30, 0, TimeSpan.Zero)));
    }
}
