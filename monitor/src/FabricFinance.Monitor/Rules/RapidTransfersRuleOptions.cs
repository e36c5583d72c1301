namespace FabricFinance.Monitor.Rules;

/// <summary>Options of <see cref="RapidTransfersRule"/>, section <c>Monitor:Rules:RapidTransfers</c>.</summary>
public sealed class RapidTransfersRuleOptions : AlertRuleOptions
{
    /// <summary>The configuration section name under <c>Monitor:Rules</c>.</summary>
    public const string SectionName = "RapidTransfers";

    /// <summary>Gets or sets how many transfers of one bill on one business day are still unremarkable; the next one
    /// raises the alert. 1 to 1000, default 3.</summary>
    public int MaxTransfersPerBusinessDay { get; set; } = 3;

    internal override IEnumerable<string> Validate(string sectionPath)
    {
        if (MaxTransfersPerBusinessDay is < 1 or > 1000)
        {
            yield return $"{sectionPath}:{nameof(MaxTransfersPerBusinessDay)} must be from 1 to 1000 (was {MaxTransfersPerBusinessDay}).";
        }
    }
}
