namespace FabricFinance.Bills.Client;

/// <summary>
/// The private terms a peer returned for a deal do not hash to the deal's public <see cref="Deal.TermsHash"/>: the
/// terms cannot be trusted. Thrown by <see cref="BillMarketClient.GetVerifiedDealTermsAsync"/>.
/// </summary>
public sealed class DealTermsMismatchException : Exception
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public DealTermsMismatchException()
        : this("The deal terms do not match the deal's public terms hash.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What did not match.</param>
    public DealTermsMismatchException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Initializes a new instance with a message and a cause.</summary>
    /// <param name="message">What did not match.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public DealTermsMismatchException(string message, Exception? innerException)
        : base(message, innerException)
    {
        DealId = string.Empty;
        PublicHash = string.Empty;
        ComputedHash = string.Empty;
    }

    /// <summary>Initializes a new instance for a deal whose terms hash to another value than its public hash.</summary>
    /// <param name="dealId">The deal.</param>
    /// <param name="publicHash">The deal record's <see cref="Deal.TermsHash"/>.</param>
    /// <param name="computedHash">The hash of the terms returned (<see cref="DealTerms.ComputeHash"/>).</param>
    public DealTermsMismatchException(string dealId, string publicHash, string computedHash)
        : base($"The terms of deal {dealId} hash to {computedHash}, but the deal's public terms hash is {publicHash}.")
    {
        ArgumentNullException.ThrowIfNull(dealId);
        ArgumentNullException.ThrowIfNull(publicHash);
        ArgumentNullException.ThrowIfNull(computedHash);
        DealId = dealId;
        PublicHash = publicHash;
        ComputedHash = computedHash;
    }

    /// <summary>Gets the deal's id.</summary>
    public string DealId { get; }

    /// <summary>Gets the public terms hash of the deal record.</summary>
    public string PublicHash { get; }

    /// <summary>Gets the hash of the terms returned.</summary>
    public string ComputedHash { get; }
}
