namespace FabricFinance.Bills.Tests.Hostile;

/// <summary>What an argument of a transaction is, so the generator knows which values break its rule.</summary>
internal enum HostileArgument
{
    /// <summary>A deal id.</summary>
    Id,

    /// <summary>A bill id (sub-bill parts allowed).</summary>
    BillId,

    /// <summary>A party id.</summary>
    PartyId,

    /// <summary>Free text of 1 to 500 characters.</summary>
    Reason,

    /// <summary>A payment reference.</summary>
    PaymentRef,

    /// <summary>An amount in fen as a decimal integer string.</summary>
    Amount,

    /// <summary>A page size of 1 to 1000.</summary>
    PageSize,

    /// <summary>A bookmark: empty or a bill id.</summary>
    Bookmark,

    /// <summary><c>active</c> or <c>suspended</c>.</summary>
    PartyStatus,

    /// <summary>One JSON object.</summary>
    Json,
}
