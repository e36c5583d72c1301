namespace FabricFinance.Chaincode.Testing;

/// <summary>How a committed transaction was validated; the values are Fabric's <c>TxValidationCode</c> numbers.</summary>
public enum ValidationCode
{
    /// <summary>The transaction is valid: its writes took effect.</summary>
    Valid = 0,

    /// <summary>A transaction with the same id was already committed (<c>DUPLICATE_TXID</c>).</summary>
    DuplicateTransactionId = 2,

    /// <summary>The endorsers do not satisfy a key-level, collection or chaincode policy (<c>ENDORSEMENT_POLICY_FAILURE</c>).</summary>
    EndorsementPolicyFailure = 10,

    /// <summary>A key the transaction read changed after it was read (<c>MVCC_READ_CONFLICT</c>).</summary>
    MvccReadConflict = 11,

    /// <summary>A range the transaction queried now holds other keys or versions (<c>PHANTOM_READ_CONFLICT</c>).</summary>
    PhantomReadConflict = 12,
}
