namespace FabricFinance.Monitor.Ledger;

/// <summary>
/// One transaction of the followed chaincode, decoded from a block: where it is, who sent it, what it called, what the
/// peers decided, and what it wrote.
/// </summary>
/// <param name="BlockNumber">The block that holds it.</param>
/// <param name="TransactionIndex">Its position in the block, from 0.</param>
/// <param name="TransactionId">The Fabric transaction id.</param>
/// <param name="Timestamp">The channel header's timestamp (the submitter's clock).</param>
/// <param name="CreatorMspId">The submitter's MSP id.</param>
/// <param name="CreatorSubject">The submitter certificate's subject in the contract's form
/// (<see cref="Bills.Client.PartySubject"/>); empty when the certificate could not be read.</param>
/// <param name="ValidationCode">The peers' validation code, named as <see cref="Client.TransactionValidationCode"/>.</param>
/// <param name="ChaincodeName">The chaincode called.</param>
/// <param name="Function">The contract transaction called, without a <c>contract:</c> prefix; empty when the proposal
/// holds no arguments.</param>
/// <param name="EventName">The chaincode event's name; null when the transaction set none.</param>
/// <param name="EventPayload">The chaincode event's payload; null when the transaction set no event.</param>
/// <param name="Writes">The public writes of the chaincode's namespace, then the private writes the block carried
/// (<see cref="StateWrite.Collection"/> set), in write-set order.</param>
public sealed record ChaincodeTransaction(
    long BlockNumber,
    int TransactionIndex,
    string TransactionId,
    DateTimeOffset Timestamp,
    string CreatorMspId,
    string CreatorSubject,
    string ValidationCode,
    string ChaincodeName,
    string Function,
    string? EventName,
    byte[]? EventPayload,
    IReadOnlyList<StateWrite> Writes)
{
    /// <summary>Gets a value indicating whether the peers committed the transaction as valid.</summary>
    public bool IsValid => ValidationCode == nameof(Client.TransactionValidationCode.Valid);
}
