namespace FabricFinance.Monitor.ReadModel;

/// <summary>The identity that signed a transaction, and the market party it belongs to when one is registered.</summary>
/// <param name="MspId">The submitter's organization (MSP id).</param>
/// <param name="Subject">The submitter certificate's subject, in the form the contract uses (<c>PartySubject</c>).</param>
/// <param name="PartyId">The registered party the identity acts for (a party registered with this subject, else the
/// one registered for the whole organization); null when none is registered.</param>
public sealed record Submitter(string MspId, string Subject, string? PartyId);
