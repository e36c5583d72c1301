namespace FabricFinance.Bills.Cli.Bench;

/// <summary>
/// Latencies in microseconds, in fixed memory whatever the run's length (HdrHistogram's idea, in small): values below
/// <see cref="ExactBelow"/> µs are counted exactly; above, each power of two is cut into <see cref="SubBuckets"/>
/// equal buckets, so a percentile is off by less than 1/<see cref="SubBuckets"/> (0.2%). Recording is thread-safe and
/// lock-free.
/// </summary>
internal sealed class LatencyHistogram
{
    /// <summary>Values below this many microseconds get a bucket each.</summary>
    public const long ExactBelow = 1024;

    /// <summary>How many buckets each power of two above <see cref="ExactBelow"/> is cut into.</summary>
    public const int SubBuckets = 512;

    /// <summary>The largest value kept as itself (about 39 hours); larger values count as this.</summary>
    public const long MaxValue = (1L << 37) - 1;

    private const int ExactBits = 10;   // log2(ExactBelow)
    private const int SubBits = 9;      // log2(SubBuckets)

    private readonly long[] _counts = new long[BucketIndex(MaxValue) + 1];
    private long _count;
    private long _sum;
    private long _min = long.MaxValue;
    private long _max;

    /// <summary>Gets how many values were recorded.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Gets the smallest value, or 0 when empty.</summary>
    public long Min => Count == 0 ? 0 : Interlocked.Read(ref _min);

    /// <summary>Gets the largest value, or 0 when empty.</summary>
    public long Max => Interlocked.Read(ref _max);

    /// <summary>Gets the mean, or 0 when empty.</summary>
    public double Mean => Count == 0 ? 0 : (double)Interlocked.Read(ref _sum) / Count;

    /// <summary>Records one latency.</summary>
    /// <param name="microseconds">The latency; negative values count as 0, values above <see cref="MaxValue"/> as it.</param>
    public void Record(long microseconds)
    {
        var value = Math.Clamp(microseconds, 0, MaxValue);
        Interlocked.Increment(ref _counts[BucketIndex(value)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sum, value);
        UpdateMin(value);
        UpdateMax(value);
    }

    /// <summary>
    /// The value at or below which <paramref name="percentile"/> percent of the values lie (nearest rank): the highest
    /// value of that value's bucket, never above <see cref="Max"/>.
    /// </summary>
    /// <param name="percentile">0 to 100.</param>
    /// <returns>The value in microseconds; 0 when empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percentile"/> is not within 0 to 100.</exception>
    public long Percentile(double percentile)
    {
        if (double.IsNaN(percentile) || percentile < 0 || percentile > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "A percentile is within 0 to 100.");
        }

        var count = Count;
        if (count == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100 * count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return Math.Min(HighestInBucket(i), Max);
            }
        }

        return Max;
    }

    /// <summary>The bucket of a value between 0 and <see cref="MaxValue"/>.</summary>
    internal static int BucketIndex(long value)
    {
        if (value < ExactBelow)
        {
            return (int)value;
        }

        var power = 63 - (int)long.LeadingZeroCount(value);     // ≥ ExactBits
        var shift = power - SubBits;                              // ≥ 1
        var sub = (int)(value >> shift) - SubBuckets;              // 0 .. SubBuckets-1
        return (int)ExactBelow + ((power - ExactBits) * SubBuckets) + sub;
    }

    /// <summary>The highest value that falls into a bucket.</summary>
    internal static long HighestInBucket(int index)
    {
        if (index < ExactBelow)
        {
            return index;
        }

        var offset = index - (int)ExactBelow;
        var power = (offset / SubBuckets) + ExactBits;
        var sub = (offset % SubBuckets) + SubBuckets;
        var shift = power - SubBits;
        return ((long)(sub + 1) << shift) - 1;
    }

    private void UpdateMin(long value)
    {
        var current = Interlocked.Read(ref _min);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref _min, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private void UpdateMax(long value)
    {
        var current = Interlocked.Read(ref _max);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref _max, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
