namespace FabricFinance.Bills.Tests.Support;

/// <summary>What a private data call of the contract did.</summary>
public enum PrivateDataAccessKind
{
    /// <summary>Read a value (or several).</summary>
    Read,

    /// <summary>Read a value's hash.</summary>
    ReadHash,

    /// <summary>Wrote a value.</summary>
    Write,

    /// <summary>Deleted a value.</summary>
    Delete,

    /// <summary>Purged a value.</summary>
    Purge,
}
