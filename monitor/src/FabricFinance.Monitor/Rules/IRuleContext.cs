using FabricFinance.Monitor.ReadModel;

namespace FabricFinance.Monitor.Rules;

/// <summary>What a rule may read of the read model, as it stands after the activity being evaluated.</summary>
public interface IRuleContext
{
    /// <summary>Gets every activity of one bill so far (valid and invalid), in ledger order, the current one last.</summary>
    /// <param name="billId">The bill.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The activities; empty for an unknown bill.</returns>
    ValueTask<IReadOnlyList<BillActivity>> GetBillActivitiesAsync(string billId, CancellationToken cancellationToken);

    /// <summary>Gets the rates of the deals requested on one business day so far, in ledger order.</summary>
    /// <param name="businessDay">The business day (UTC+8).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rates; only deals whose terms the regulator could read.</returns>
    ValueTask<IReadOnlyList<DealPricing>> GetPricingOnAsync(DateOnly businessDay, CancellationToken cancellationToken);
}
