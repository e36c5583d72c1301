namespace FabricFinance.Monitor.Rules;

/// <summary>Options of <see cref="OffMarketRateRule"/>, section <c>Monitor:Rules:OffMarketRate</c>.</summary>
public sealed class OffMarketRateRuleOptions : AlertRuleOptions
{
    /// <summary>The configuration section name under <c>Monitor:Rules</c>.</summary>
    public const string SectionName = "OffMarketRate";

    /// <summary>Gets or sets how many deals (this one included) must have been requested on the business day before
    /// its median means anything. 2 to 10000, default 3.</summary>
    public int MinDealsPerDay { get; set; } = 3;

    /// <summary>Gets or sets the absolute distance from the median, in basis points, at which a rate is off-market;
    /// 0 switches this test off. 0 to 10000, default 300.</summary>
    public int MinDeviationBps { get; set; } = 300;

    /// <summary>Gets or sets the distance from the median, in percent of the median, at which a rate is off-market;
    /// 0 switches this test off. 0 to 1000, default 50.</summary>
    public int MinDeviationPercent { get; set; } = 50;

    internal override IEnumerable<string> Validate(string sectionPath)
    {
        if (MinDealsPerDay is < 2 or > 10000)
        {
            yield return $"{sectionPath}:{nameof(MinDealsPerDay)} must be from 2 to 10000 (was {MinDealsPerDay}).";
        }

        if (MinDeviationBps is < 0 or > 10000)
        {
            yield return $"{sectionPath}:{nameof(MinDeviationBps)} must be from 0 to 10000 (was {MinDeviationBps}).";
        }

        if (MinDeviationPercent is < 0 or > 1000)
        {
            yield return $"{sectionPath}:{nameof(MinDeviationPercent)} must be from 0 to 1000 (was {MinDeviationPercent}).";
        }

        if (MinDeviationBps == 0 && MinDeviationPercent == 0)
        {
            yield return $"{sectionPath}:{nameof(MinDeviationBps)} and {sectionPath}:{nameof(MinDeviationPercent)} are both 0; "
                + "at least one must be positive (or set Enabled to false).";
        }
    }
}
