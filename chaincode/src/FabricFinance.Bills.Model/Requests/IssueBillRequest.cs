namespace FabricFinance.Bills;

/// <summary>The argument of <c>IssueBill</c>; the caller (an enterprise) is the drawer.</summary>
/// <param name="Id">Bill id, <c>[A-Za-z0-9_-]{1,64}</c>, unique forever.</param>
/// <param name="Kind">Bank or commercial acceptance bill.</param>
/// <param name="Payee">An active enterprise party other than the drawer.</param>
/// <param name="Acceptor">An active bank (bank bill) or enterprise (commercial bill) party.</param>
/// <param name="Amount">Face value in fen, 1 to 10^13.</param>
/// <param name="DueDate">After the issue date, at most six months after it.</param>
/// <param name="Transferable">False forbids endorsement, discount and rediscount.</param>
public sealed record IssueBillRequest(string Id, BillKind Kind, string Payee, string Acceptor, long Amount, DateOnly DueDate, bool Transferable);
