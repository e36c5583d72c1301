using FabricFinance.Bills.Cli.Bench;

namespace FabricFinance.Bills.Client.Tests.Bench;

/// <summary>The fixed-memory latency histogram: exact below 1,024 µs, within 0.2% above, nearest-rank percentiles.</summary>
public sealed class LatencyHistogramTests
{
    [Test]
    public void Percentile_OneToHundredExact_GivesNearestRank()
    {
        // Arrange
        var histogram = new LatencyHistogram();
        for (var v = 100; v >= 1; v--)
        {
            histogram.Record(v);
        }

        // Act / Assert
        Assert.Multiple(() =>
        {
            Assert.That(histogram.Count, Is.EqualTo(100));
            Assert.That(histogram.Percentile(50), Is.EqualTo(50));
            Assert.That(histogram.Percentile(95), Is.EqualTo(95));
            Assert.That(histogram.Percentile(99), Is.EqualTo(99));
            Assert.That(histogram.Percentile(99.5), Is.EqualTo(100));
            Assert.That(histogram.Percentile(100), Is.EqualTo(100));
            Assert.That(histogram.Percentile(0), Is.EqualTo(1));
            Assert.That(histogram.Min, Is.EqualTo(1));
            Assert.That(histogram.Max, Is.EqualTo(100));
            Assert.That(histogram.Mean, Is.EqualTo(50.5));
        });
    }

    [Test]
    public void Percentile_Empty_IsZero()
    {
        // Arrange
        var histogram = new LatencyHistogram();

        // Act / Assert
        Assert.Multiple(() =>
        {
            Assert.That(histogram.Percentile(50), Is.Zero);
            Assert.That(histogram.Min, Is.Zero);
            Assert.That(histogram.Max, Is.Zero);
            Assert.That(histogram.Mean, Is.Zero);
        });
    }

    [TestCase(-0.1)]
    [TestCase(100.1)]
    [TestCase(double.NaN)]
    public void Percentile_OutOfRange_Throws(double percentile)
    {
        // Arrange
        var histogram = new LatencyHistogram();

        // Act / Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.Percentile(percentile));
    }

    [TestCase(0L)]
    [TestCase(1023L)]
    [TestCase(1024L)]
    [TestCase(1025L)]
    [TestCase(2047L)]
    [TestCase(2048L)]
    [TestCase(283_647L)]
    [TestCase(1_000_000L)]
    [TestCase(LatencyHistogram.MaxValue)]
    public void HighestInBucket_AnyValue_CoversItWithinTheResolution(long value)
    {
        // Act
        var highest = LatencyHistogram.HighestInBucket(LatencyHistogram.BucketIndex(value));

        // Assert
        Assert.That(highest, Is.InRange(value, value + Math.Max(0, value / LatencyHistogram.SubBuckets)));
    }

    [Test]
    public void BucketIndex_ConsecutiveValues_NeverGoesBackAndSkipsNoBucket()
    {
        // Arrange
        var previous = LatencyHistogram.BucketIndex(0);

        // Act / Assert
        for (long v = 1; v < 1 << 20; v++)
        {
            var index = LatencyHistogram.BucketIndex(v);
            Assert.That(index - previous, Is.InRange(0, 1), $"value {v}");
            previous = index;
        }
    }

    [Test]
    public void Percentile_LargeValues_StaysWithinAFifthOfAPercentAndNeverAboveMax()
    {
        // Arrange
        var histogram = new LatencyHistogram();
        for (long v = 1; v <= 1000; v++)
        {
            histogram.Record(v * 1_000);   // 1 ms .. 1 s
        }

        // Act
        var p50 = histogram.Percentile(50);
        var p100 = histogram.Percentile(100);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(p50, Is.InRange(500_000, 500_000 * 1.002));
            Assert.That(p100, Is.EqualTo(1_000_000));
        });
    }

    [Test]
    public void Record_OutOfRange_IsClamped()
    {
        // Arrange
        var histogram = new LatencyHistogram();

        // Act
        histogram.Record(-5);
        histogram.Record(long.MaxValue);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(histogram.Min, Is.Zero);
            Assert.That(histogram.Max, Is.EqualTo(LatencyHistogram.MaxValue));
            Assert.That(histogram.Percentile(100), Is.EqualTo(LatencyHistogram.MaxValue));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Record_FromManyThreads_CountsEveryValue()
    {
        // Arrange
        var histogram = new LatencyHistogram();

        // Act
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                histogram.Record(i % 2000);
            }
        })));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(histogram.Count, Is.EqualTo(80_000));
            Assert.That(histogram.Max, Is.EqualTo(1999));
            Assert.That(histogram.Min, Is.Zero);
        });
    }

    [Test]
    public void LatencySummary_From_ConvertsMicrosecondsToMilliseconds()
    {
        // Arrange
        var histogram = new LatencyHistogram();
        histogram.Record(1_500);
        histogram.Record(500);

        // Act
        var summary = LatencySummary.From(histogram);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(summary.Count, Is.EqualTo(2));
            Assert.That(summary.Min, Is.EqualTo(0.5));
            Assert.That(summary.Mean, Is.EqualTo(1.0));
            Assert.That(summary.P50, Is.EqualTo(0.5));
            Assert.That(summary.P99, Is.InRange(1.5, 1.502));
            Assert.That(summary.Max, Is.EqualTo(1.5));
        });
    }
}
