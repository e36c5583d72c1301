namespace FabricFinance.Monitor.Rules;

/// <summary>Options of <see cref="LateAcquisitionPresentmentRule"/>, section
/// <c>Monitor:Rules:LateAcquisitionPresentment</c>.</summary>
public sealed class LateAcquisitionPresentmentRuleOptions : AlertRuleOptions
{
    /// <summary>The configuration section name under <c>Monitor:Rules</c>.</summary>
    public const string SectionName = "LateAcquisitionPresentment";

    /// <summary>Gets or sets how many business days before the due date (or later) an acquisition counts as late:
    /// the alert fires when due date − acquisition date ≤ this. 0 to 180, default 1.</summary>
    public int MaxBusinessDaysBeforeDue { get; set; } = 1;

    internal override IEnumerable<string> Validate(string sectionPath)
    {
        if (MaxBusinessDaysBeforeDue is < 0 or > 180)
        {
            yield return $"{sectionPath}:{nameof(MaxBusinessDaysBeforeDue)} must be from 0 to 180 (was {MaxBusinessDaysBeforeDue}).";
        }
    }
}
