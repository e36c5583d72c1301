namespace FabricFinance.Bills;

/// <summary>
/// The codes that begin every refusal of the bill contract (<c>CODE: sentence</c>); see
/// <see cref="BillErrorCodes"/> for their text and the order in which they win.
/// </summary>
public enum BillErrorCode
{
    /// <summary><c>INVALID_ARGUMENT</c>: malformed or impossible arguments or transient data.</summary>
    InvalidArgument,

    /// <summary><c>NOT_FOUND</c>: the named bill, deal or party does not exist.</summary>
    NotFound,

    /// <summary><c>ALREADY_EXISTS</c>: the record to create exists (ids are never reused).</summary>
    AlreadyExists,

    /// <summary><c>FORBIDDEN</c>: the caller may not do this.</summary>
    Forbidden,

    /// <summary><c>INVALID_STATE</c>: the bill's or deal's status does not allow it, or time ran backwards.</summary>
    InvalidState,

    /// <summary><c>NOT_TRANSFERABLE</c>: the bill is marked not transferable.</summary>
    NotTransferable,

    /// <summary><c>NOT_DUE</c>: the bill is not due yet.</summary>
    NotDue,

    /// <summary><c>OVERDUE</c>: the bill is due; it can only be presented.</summary>
    Overdue,

    /// <summary><c>FROZEN</c>: the bill is frozen by the exchange.</summary>
    Frozen,
}
