namespace FabricFinance.Client;

/// <summary>
/// The validation code a peer assigns to each transaction in a block (Fabric's <c>protos.TxValidationCode</c>).
/// Only <see cref="Valid"/> transactions change the world state.
/// </summary>
/// <remarks>Values a newer peer may send that are not listed here are kept as their numbers.</remarks>
public enum TransactionValidationCode
{
    /// <summary>The transaction is valid: its writes were applied.</summary>
    Valid = 0,

    /// <summary>The transaction envelope was empty.</summary>
    NilEnvelope = 1,

    /// <summary>The envelope's payload could not be read.</summary>
    BadPayload = 2,

    /// <summary>The payload's common header could not be read or was incomplete.</summary>
    BadCommonHeader = 3,

    /// <summary>The submitter's signature over the transaction did not verify.</summary>
    BadCreatorSignature = 4,

    /// <summary>The endorser transaction was malformed.</summary>
    InvalidEndorserTransaction = 5,

    /// <summary>The configuration transaction was malformed or not authorized.</summary>
    InvalidConfigTransaction = 6,

    /// <summary>The transaction payload type is not supported.</summary>
    UnsupportedTxPayload = 7,

    /// <summary>The transaction identifier does not match its nonce and creator.</summary>
    BadProposalTxId = 8,

    /// <summary>A transaction with the same identifier is already on the ledger.</summary>
    DuplicateTxId = 9,

    /// <summary>The endorsements do not satisfy the chaincode's or a key's endorsement policy.</summary>
    EndorsementPolicyFailure = 10,

    /// <summary>A key the transaction read was changed by an earlier transaction (MVCC conflict); retrying may succeed.</summary>
    MvccReadConflict = 11,

    /// <summary>A range the transaction queried changed before it committed; retrying may succeed.</summary>
    PhantomReadConflict = 12,

    /// <summary>The transaction type is unknown.</summary>
    UnknownTxType = 13,

    /// <summary>The transaction names a channel the peer does not know.</summary>
    TargetChainNotFound = 14,

    /// <summary>The transaction could not be unmarshalled.</summary>
    MarshalTxError = 15,

    /// <summary>The transaction has no actions.</summary>
    NilTxAction = 16,

    /// <summary>The chaincode definition changed since endorsement.</summary>
    ExpiredChaincode = 17,

    /// <summary>The chaincode version used for endorsement conflicts with the committed definition.</summary>
    ChaincodeVersionConflict = 18,

    /// <summary>The header extension is malformed.</summary>
    BadHeaderExtension = 19,

    /// <summary>The channel header is malformed.</summary>
    BadChannelHeader = 20,

    /// <summary>The proposal response payload is malformed.</summary>
    BadResponsePayload = 21,

    /// <summary>The read-write set is malformed.</summary>
    BadRwset = 22,

    /// <summary>The transaction writes where it may not.</summary>
    IllegalWriteset = 23,

    /// <summary>The write set is invalid.</summary>
    InvalidWriteset = 24,

    /// <summary>The chaincode is invalid.</summary>
    InvalidChaincode = 25,

    /// <summary>The transaction has not been validated yet.</summary>
    NotValidated = 254,

    /// <summary>The transaction is invalid for a reason without its own code.</summary>
    InvalidOtherReason = 255,
}
